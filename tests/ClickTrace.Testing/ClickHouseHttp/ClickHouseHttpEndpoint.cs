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
    private readonly ConcurrentDictionary<string, Queue<(Fault Fault, bool InsertsOnly)>> _faults = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SeenRequest>> _seen = new();
    private readonly ConcurrentDictionary<string, int> _running = new();

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

    /// <summary>
    /// The next <paramref name="count"/> requests naming <paramref name="database"/> (only its inserts, with
    /// <paramref name="insertsOnly"/>) fail as <paramref name="fault"/> says.
    /// </summary>
    public void FailNext(string database, int count, Fault fault, bool insertsOnly = false)
    {
        var queue = _faults.GetOrAdd(database, _ => new());
        lock (queue)
            for (var i = 0; i < count; i++) queue.Enqueue((fault, insertsOnly));
    }

    /// <summary>Waits until no request naming <paramref name="database"/> is being served (a slow one may outlive its client).</summary>
    public Task IdleAsync(string database) =>
        Eventually.Until(() => Task.FromResult(_running.GetValueOrDefault(database)), running => running == 0, $"the requests on {database} to end");

    private Fault? NextFault(string database, HttpStatement statement)
    {
        if (!_faults.TryGetValue(database, out var queue)) return null;
        lock (queue)
        {
            if (!queue.TryPeek(out var next) || (next.InsertsOnly && statement.InsertSql is null)) return null;
            return queue.Dequeue().Fault;
        }
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
        if (database.Length > 0) _running.AddOrUpdate(database, 1, (_, n) => n + 1);
        try
        {
            if (!Authenticated(context.Request))
                throw new ClickHouseException(516, "AUTHENTICATION_FAILED", $"Code: 516. DB::Exception: {User}: Authentication failed: password is incorrect, or there is no user with such name. (AUTHENTICATION_FAILED)");
            var statement = await HttpStatement.ReadAsync(context.Request);
            var fault = database.Length > 0 ? NextFault(database, statement) : null;
            if (database.Length > 0)
                _seen.GetOrAdd(database, _ => new()).Enqueue(new(statement.Sql, statement.Settings, context.Request.Headers.ContentEncoding.ToString(), statement.Parameters.Count, fault?.Kind));
            switch (fault?.Kind)
            {
                case FaultKind.Answer:
                    await fault.WriteAsync(response);
                    return;
                case FaultKind.Refuse:
                    context.Abort();
                    return;
                case FaultKind.Slow:
                    await Task.Delay(fault.Delay, CancellationToken.None);
                    break;
            }
            // A faulty statement runs to its end even when its client has gone, as on a real server.
            var (output, rowsRead, rowsWritten) = await _engine.RunAsync(connection => Run(connection, statement), fault is null ? context.RequestAborted : CancellationToken.None);
            if (fault?.Kind == FaultKind.LoseAnswer)
            {
                context.Abort();
                return;
            }
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
        catch (ClickHouseException e) when (!response.HasStarted)
        {
            response.StatusCode = e.Code == 516 ? 401 : 500;
            response.Headers["X-ClickHouse-Exception-Code"] = e.Code.ToString(CultureInfo.InvariantCulture);
            response.ContentType = "text/plain; charset=UTF-8";
            await response.WriteAsync(e.Message + "\n");
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (a timeout, or a fault that reset the connection): nobody to answer.
        }
        finally
        {
            if (database.Length > 0) _running.AddOrUpdate(database, 0, (_, n) => n - 1);
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

/// <summary>A request the endpoint saw: its SQL, settings, body encoding, number of bound values, and the fault it met.</summary>
public sealed record SeenRequest(string Sql, IReadOnlyList<KeyValuePair<string, string>> Settings, string ContentEncoding, int Parameters, FaultKind? Fault)
{
    public string? Setting(string name) => Settings.FirstOrDefault(s => s.Key == name).Value;
}

public enum FaultKind
{
    /// <summary>Answer with an error instead of running the statement.</summary>
    Answer,

    /// <summary>Reset the connection without running anything, as a server that is down would.</summary>
    Refuse,

    /// <summary>Run the statement, then reset the connection: it took effect, but the client cannot know.</summary>
    LoseAnswer,

    /// <summary>Wait, then run and answer (the client may have given up by then; the statement runs anyway).</summary>
    Slow,
}

/// <summary>A planted failure of one request.</summary>
public sealed record Fault(FaultKind Kind, int Status = 0, int Code = 0, string Message = "", TimeSpan Delay = default)
{
    public static Fault TooManyParts => new(FaultKind.Answer, 500, 252, "Code: 252. DB::Exception: Too many parts (300). Merges are processing significantly slower than inserts. (TOO_MANY_PARTS)");
    public static Fault ProxyUnavailable => new(FaultKind.Answer, 503, 0, "Service Unavailable");
    public static Fault SyntaxError => new(FaultKind.Answer, 400, 62, "Code: 62. DB::Exception: Syntax error: failed at position 1. (SYNTAX_ERROR)");
    public static Fault Refused => new(FaultKind.Refuse);
    public static Fault LostAnswer => new(FaultKind.LoseAnswer);
    public static Fault SlowBy(TimeSpan delay) => new(FaultKind.Slow, Delay: delay);

    internal async Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = Status;
        if (Code != 0) response.Headers["X-ClickHouse-Exception-Code"] = Code.ToString(CultureInfo.InvariantCulture);
        await response.WriteAsync(Message + "\n");
    }
}
