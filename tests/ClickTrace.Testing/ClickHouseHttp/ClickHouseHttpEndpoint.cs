using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using ClickTrace.Storage;
using ClickTrace.Storage.Embedded;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClickTrace.Testing.ClickHouseHttp;

/// <summary>
/// ClickHouse's HTTP interface served by a real Kestrel on 127.0.0.1 over the test process's embedded engine:
/// enough of it for ClickHouse.Driver (ping, SQL in the body or the URL, gzip/deflate/br/zstd bodies,
/// <c>param_*</c> values, the database, the output format, other URL arguments applied as settings, INSERT
/// data streamed into the engine, the X-ClickHouse-* headers, errors as HTTP 500 with the engine's message).
/// Tests of the server adapter go through it, because no ClickHouse server the driver accepts can be
/// installed here. Faults can be planted per database to test retries.
/// </summary>
public sealed class ClickHouseHttpEndpoint : IAsyncDisposable
{
    public const string User = "clicktrace";
    public const string Password = "fixture-secret";

    private static readonly Lazy<ClickHouseHttpEndpoint> SharedEndpoint = new(() => Start());

    private readonly WebApplication _app;
    private readonly EmbeddedClickHouse _engine;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> _faults = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SeenRequest>> _seen = new();

    private ClickHouseHttpEndpoint(WebApplication app, EmbeddedClickHouse engine)
    {
        _app = app;
        _engine = engine;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>The one endpoint of this test process (the engine serves one folder per process).</summary>
    public static ClickHouseHttpEndpoint Shared => SharedEndpoint.Value;

    public Uri Address { get; }

    /// <summary>A connection string for ClickHouse.Driver, without the password (pass <see cref="Password"/> apart, as production does).</summary>
    public string ConnectionString => $"Host={Address.Host};Port={Address.Port};Protocol=http;Username={User}";

    /// <summary>The next <paramref name="count"/> requests naming <paramref name="database"/> fail as <paramref name="fault"/> says.</summary>
    public void FailNext(string database, int count, Fault fault)
    {
        var queue = _faults.GetOrAdd(database, _ => new());
        for (var i = 0; i < count; i++) queue.Enqueue(fault);
    }

    /// <summary>The requests that named <paramref name="database"/>, in arrival order.</summary>
    public IReadOnlyList<SeenRequest> Seen(string database) => _seen.TryGetValue(database, out var seen) ? [.. seen] : [];

    private static ClickHouseHttpEndpoint Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var engine = new EmbeddedClickHouse(TestEngine.StoragePath, "default", maxConnections: 4);
        ClickHouseHttpEndpoint? endpoint = null;
        app.MapGet("/ping", () => Results.Text("Ok.\n"));
        app.MapMethods("/", ["GET", "POST"], (HttpContext context) => endpoint!.ServeAsync(context));
        app.StartAsync().GetAwaiter().GetResult();
        endpoint = new ClickHouseHttpEndpoint(app, engine);
        return endpoint;
    }

    private async Task ServeAsync(HttpContext context)
    {
        var response = context.Response;
        var database = context.Request.Query["database"].ToString();
        var clock = Stopwatch.StartNew();
        try
        {
            if (!Authenticated(context.Request))
                throw new ClickHouseException(516, "AUTHENTICATION_FAILED", $"Code: 516. DB::Exception: {User}: Authentication failed: password is incorrect, or there is no user with such name. (AUTHENTICATION_FAILED)");
            var statement = await HttpStatement.ReadAsync(context.Request);
            if (database.Length > 0)
            {
                _seen.GetOrAdd(database, _ => new()).Enqueue(new(statement.Sql, statement.Settings, context.Request.Headers.ContentEncoding.ToString(), statement.Parameters.Count));
                if (_faults.TryGetValue(database, out var faults) && faults.TryDequeue(out var fault))
                {
                    await fault.WriteAsync(response);
                    return;
                }
            }
            var (output, rowsRead, rowsWritten) = await _engine.RunAsync(connection => Run(connection, statement), context.RequestAborted);
            response.Headers["X-ClickHouse-Query-Id"] = statement.QueryId;
            response.Headers["X-ClickHouse-Format"] = statement.Format;
            response.Headers["X-ClickHouse-Timezone"] = "UTC";
            response.Headers["X-ClickHouse-Summary"] = Summary(rowsRead, rowsWritten, output.Length, clock.Elapsed);
            response.ContentType = statement.Format.StartsWith("JSON", StringComparison.Ordinal) ? "application/json; charset=UTF-8" : "text/plain; charset=UTF-8";
            if (statement.CompressResponse && output.Length > 0)
            {
                response.Headers.ContentEncoding = "gzip";
                await using var gzip = new GZipStream(response.Body, CompressionLevel.Fastest, leaveOpen: true);
                await gzip.WriteAsync(output);
            }
            else
            {
                await response.Body.WriteAsync(output);
            }
        }
        catch (ClickHouseException e)
        {
            response.StatusCode = e.Code == 516 ? 401 : 500;
            response.Headers["X-ClickHouse-Exception-Code"] = e.Code.ToString(CultureInfo.InvariantCulture);
            response.ContentType = "text/plain; charset=UTF-8";
            await response.WriteAsync(e.Message + "\n");
        }
    }

    private static bool Authenticated(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal)) return false;
        var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
        return pair == $"{User}:{Password}";
    }

    /// <summary>The statement on one connection: its database, its settings for its duration, then the settings as they were.</summary>
    private static (byte[] Output, ulong RowsRead, ulong RowsWritten) Run(ChdbConnection connection, HttpStatement statement)
    {
        connection.Query($"USE {Checked(statement.Database ?? "default")}", "Null", null).Dispose();
        var restore = Apply(connection, statement.Settings);
        try
        {
            if (statement.InsertSql is { } insert)
                return ([], 0, connection.Insert(insert, statement.InsertFormat!, statement.InsertData, statement.Parameters));
            using var result = connection.Query(statement.Sql, statement.Format, statement.Parameters);
            return (result.Buffer.ToArray(), result.RowsRead, result.RowsWritten);
        }
        finally
        {
            if (restore is not null) connection.Query(restore, "Null", null).Dispose();
        }
    }

    /// <summary>Sets the request's settings on the connection; returns the statement that sets them back.</summary>
    private static string? Apply(ChdbConnection connection, IReadOnlyList<KeyValuePair<string, string>> settings)
    {
        if (settings.Count == 0) return null;
        var names = settings.Select(s => Checked(s.Key)).ToList();
        using var current = connection.Query("SELECT name, value FROM system.settings WHERE has({names:Array(String)}, name)", "TabSeparated",
            new QueryParameters().Add("names", names));
        var previous = Encoding.UTF8.GetString(current.Buffer).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t', 2)).ToList();
        connection.Query("SET " + string.Join(", ", settings.Select(s => $"{Checked(s.Key)} = {Literal(s.Value)}")), "Null", null).Dispose();
        return previous.Count == 0 ? null : "SET " + string.Join(", ", previous.Select(p => $"{Checked(p[0])} = {Literal(p[1])}"));
    }

    private static string Checked(string name) =>
        Identifiers.IsValid(name) ? name : throw new ClickHouseException(115, "UNKNOWN_SETTING", $"Code: 115. DB::Exception: Unknown setting or database '{name}'. (UNKNOWN_SETTING)");

    private static string Literal(string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    private static string Summary(ulong rowsRead, ulong rowsWritten, int resultBytes, TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
        $"{{\"read_rows\":\"{rowsRead}\",\"read_bytes\":\"0\",\"written_rows\":\"{rowsWritten}\",\"written_bytes\":\"0\",\"total_rows_to_read\":\"0\",\"result_rows\":\"0\",\"result_bytes\":\"{resultBytes}\",\"elapsed_ns\":\"{(long)(elapsed.TotalMilliseconds * 1e6)}\"}}");

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _engine.Dispose();
    }
}

/// <summary>A request the endpoint saw: its SQL, settings, body encoding and number of bound values.</summary>
public sealed record SeenRequest(string Sql, IReadOnlyList<KeyValuePair<string, string>> Settings, string ContentEncoding, int Parameters)
{
    public string? Setting(string name) => Settings.FirstOrDefault(s => s.Key == name).Value;
}

/// <summary>A planted failure: an HTTP status with a ClickHouse error code (0 for none, as a proxy would answer).</summary>
public sealed record Fault(int Status, int Code, string Message)
{
    public static Fault TooManyParts => new(500, 252, "Code: 252. DB::Exception: Too many parts (300). Merges are processing significantly slower than inserts. (TOO_MANY_PARTS)");
    public static Fault ProxyUnavailable => new(503, 0, "Service Unavailable");
    public static Fault SyntaxError => new(400, 62, "Code: 62. DB::Exception: Syntax error: failed at position 1. (SYNTAX_ERROR)");

    internal async Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = Status;
        if (Code != 0) response.Headers["X-ClickHouse-Exception-Code"] = Code.ToString(CultureInfo.InvariantCulture);
        await response.WriteAsync(Message + "\n");
    }
}
