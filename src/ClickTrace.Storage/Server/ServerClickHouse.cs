using System.Globalization;
using System.Text.Json;
using ClickHouse.Driver;
using ClickTrace.Storage.RowBinary;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClickTrace.Storage.Server;

/// <summary>
/// The server adapter: ClickTrace's database on a ClickHouse server or cluster, through ClickHouse.Driver's
/// HTTP client (one per process; it pools its connections). Values travel as <c>param_*</c> arguments in the
/// engine's escaped text format, the very text the embedded adapter hands chDB, and results come back as
/// RowBinaryWithNamesAndTypes decoded by the same <see cref="RowBinaryReader"/>: both adapters bind and read
/// alike. Transient failures are retried with a doubling delay; inserts only when they carry a deduplication
/// token, so that a retry cannot store a batch twice.
/// </summary>
public sealed partial class ServerClickHouse : IClickHouse, IDisposable
{
    private readonly ClickHouseClient _client;
    private readonly ServerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _creating = new(1, 1);
    private volatile bool _created;

    /// <param name="cluster">The cluster the database is spread over (<see cref="StorageOptions.Cluster"/>), or null.</param>
    public ServerClickHouse(ServerOptions options, string database, string? cluster = null, TimeProvider? time = null, ILogger<ServerClickHouse>? logger = null)
    {
        Identifiers.Validate(database, nameof(database));
        if (!string.IsNullOrEmpty(cluster)) Identifiers.Validate(cluster, nameof(cluster));
        var problems = options.Problems().ToList();
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems), nameof(options));
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<ServerClickHouse>.Instance;
        _client = new ClickHouseClient(options.ClientSettings());
        Database = database;
        Cluster = string.IsNullOrEmpty(cluster) ? null : cluster;
    }

    public string Database { get; }

    /// <summary>The cluster the schema is spread over, or null for a single server.</summary>
    public string? Cluster { get; }

    /// <remarks>
    /// Retried on transient failures, except <c>INSERT … SELECT</c>: a fill whose answer was lost may have
    /// stored its rows, and running it again would store them twice. (Inserts of values here go to
    /// ReplacingMergeTree metadata tables, where a repeat changes nothing.)
    /// </remarks>
    public Task ExecuteAsync(string sql, QueryParameters? parameters = null, CancellationToken cancellationToken = default) =>
        RunAsync(async token =>
        {
            using var result = await _client.ExecuteRawResultAsync(sql, Options(parameters), token).ConfigureAwait(false);
            return true;
        }, retry: !InsertSelect().IsMatch(sql), cancellationToken);

    public Task<QueryResult> QueryAsync(string sql, QueryParameters? parameters = null, CancellationToken cancellationToken = default) =>
        RunAsync(async token =>
        {
            using var result = await _client.ExecuteRawResultAsync(sql, Options(parameters), token).ConfigureAwait(false);
            return RowBinaryReader.Read(await result.ReadAsByteArrayAsync().ConfigureAwait(false));
        }, retry: true, cancellationToken);

    public Task<ulong> InsertRowBinaryAsync(
        string table, IReadOnlyList<string> columns, ReadOnlyMemory<byte> rows, string? deduplicationToken = null, CancellationToken cancellationToken = default)
    {
        Identifiers.Validate(table, nameof(table));
        foreach (var column in columns) Identifiers.Validate(column, nameof(columns));
        var options = Options(null);
        if (deduplicationToken is not null) options.CustomSettings!["insert_deduplication_token"] = DeduplicationToken.Validate(deduplicationToken);
        // A Distributed table acknowledges once every shard has the rows, not when they are queued on this node.
        if (Cluster is not null) options.CustomSettings!["distributed_foreground_insert"] = 1;
        return RunAsync(async token =>
        {
            using var body = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(rows, out var segment)
                ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
                : new MemoryStream(rows.ToArray(), writable: false);
            using var response = await _client.InsertRawStreamAsync(table, body, "RowBinary", columns, _client.Settings.UseCompression, options, token).ConfigureAwait(false);
            return WrittenRows(response);
        }, retry: deduplicationToken is not null, cancellationToken);
    }

    private QueryOptions Options(QueryParameters? parameters)
    {
        var settings = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["max_execution_time"] = (long)Math.Ceiling(_options.Timeout.TotalSeconds),
        };
        // A filter's sessions are found on the shard that holds them (events are sharded by session).
        if (Cluster is not null) settings["distributed_product_mode"] = "local";
        foreach (var (name, value) in parameters ?? []) settings["param_" + name] = value;
        return new QueryOptions { Database = Database, CustomSettings = settings };
    }

    private async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, bool retry, CancellationToken cancellationToken)
    {
        if (!_created) await CreateDatabaseAsync(cancellationToken).ConfigureAwait(false);
        return await WithRetriesAsync(call, retry, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> WithRetriesAsync<T>(Func<CancellationToken, Task<T>> call, bool retry, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (retry && attempt < _options.MaxRetries && TransientErrors.Translate(error) is var translated
                                          && TransientErrors.IsTransient(translated, cancellationToken))
            {
                var delay = TransientErrors.Delay(_options.RetryDelay, attempt + 1);
                _logger.LogWarning("ClickHouse call failed ({Error}); attempt {Attempt} of {Attempts} in {Delay} ms",
                    translated.Message, attempt + 2, _options.MaxRetries + 1, delay.TotalMilliseconds);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (ClickHouseServerException error)
            {
                throw TransientErrors.Translate(error);
            }
        }
    }

    /// <summary>Creates ClickTrace's database when it is missing (a user without that grant needs it created for them).</summary>
    private async Task CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        await _creating.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_created) return;
            var onCluster = Cluster is null ? "" : $" ON CLUSTER {Cluster}";
            try
            {
                await WithRetriesAsync(async token =>
                {
                    using var result = await _client.ExecuteRawResultAsync($"CREATE DATABASE IF NOT EXISTS {Database}{onCluster}", null, token).ConfigureAwait(false);
                    return true;
                }, retry: true, cancellationToken).ConfigureAwait(false);
            }
            catch (ClickHouseException e) when (e.Name == "ACCESS_DENIED")
            {
                _logger.LogInformation("May not create database {Database}; assuming an administrator created it", Database);
            }
            _created = true;   // a failure leaves it false: the next call tries again
        }
        finally
        {
            _creating.Release();
        }
    }

    private static ulong WrittenRows(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("X-ClickHouse-Summary", out var values)) return 0;
        using var summary = JsonDocument.Parse(values.First());
        return summary.RootElement.TryGetProperty("written_rows", out var written) && written.ValueKind == JsonValueKind.String
            ? ulong.Parse(written.GetString()!, CultureInfo.InvariantCulture)
            : 0;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*INSERT\s+INTO\s.*\bSELECT\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex InsertSelect();

    public void Dispose()
    {
        _client.Dispose();
        _creating.Dispose();
    }
}
