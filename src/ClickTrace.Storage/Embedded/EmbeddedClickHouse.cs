using System.Collections.Concurrent;
using ClickTrace.Core.Threading;
using ClickTrace.Storage.RowBinary;

namespace ClickTrace.Storage.Embedded;

/// <summary>
/// The embedded adapter: one database inside the in-process ClickHouse engine (chDB). Connections are
/// pooled because each one runs a single statement at a time; every connection is switched to
/// <see cref="Database"/> once, so statements use unqualified table names exactly as on a server.
/// </summary>
public sealed class EmbeddedClickHouse : IClickHouse, IDisposable
{
    private readonly string _path;
    private readonly ConcurrentBag<ChdbConnection> _idle = [];
    private readonly ConcurrentBag<ChdbConnection> _all = [];
    private readonly SemaphoreSlim _slots;
    private readonly LowPriorityThreads _threads;
    private volatile bool _disposed;

    /// <param name="nice">The engine's Linux nice value (0 to 19): how far below request handling its CPU priority is.</param>
    /// <param name="idle">Run the engine under Linux's idle policy (SCHED_IDLE): only on CPU time nothing else wants.</param>
    public EmbeddedClickHouse(string path, string database, int maxConnections = 4, int nice = 0, bool idle = false)
    {
        Identifiers.Validate(database, nameof(database));
        ArgumentOutOfRangeException.ThrowIfNegative(nice);
        _path = path;
        Database = database;
        _slots = new SemaphoreSlim(Math.Max(1, maxConnections));
        _threads = new LowPriorityThreads("ClickHouse engine", Math.Max(1, maxConnections), nice, idle);
        // Opened on an engine thread: the first connection of the process starts the engine's own threads, which inherit its priority.
        try
        {
            _idle.Add(_threads.Run(() => Open(createDatabase: true), CancellationToken.None).GetAwaiter().GetResult());
        }
        catch
        {
            _threads.Dispose();
            throw;
        }
    }

    public string Database { get; }

    public Task ExecuteAsync(string sql, QueryParameters? parameters = null, CancellationToken cancellationToken = default) =>
        RunAsync(connection => { connection.Query(sql, "Null", parameters).Dispose(); return true; }, cancellationToken);

    public Task<QueryResult> QueryAsync(string sql, QueryParameters? parameters = null, CancellationToken cancellationToken = default) =>
        RunAsync(connection =>
        {
            using var result = connection.Query(sql, "RowBinaryWithNamesAndTypes", parameters);
            return RowBinaryReader.Read(result.Buffer);
        }, cancellationToken);

    public Task<ulong> InsertRowBinaryAsync(
        string table, IReadOnlyList<string> columns, ReadOnlyMemory<byte> rows, string? deduplicationToken = null, CancellationToken cancellationToken = default)
    {
        Identifiers.Validate(table, nameof(table));
        foreach (var column in columns) Identifiers.Validate(column, nameof(columns));
        var sql = $"INSERT INTO {table} ({string.Join(", ", columns)})";
        // A SETTINGS value cannot be a bound parameter; the token is checked to be a plain word instead.
        // One engine thread per insert: on a small machine the engine otherwise takes every core from the requests.
        sql += " SETTINGS max_threads = 1, max_insert_threads = 1";
        if (deduplicationToken is not null) sql += $", insert_deduplication_token = '{DeduplicationToken.Validate(deduplicationToken)}'";
        return RunAsync(connection => connection.Insert(sql, "RowBinary", rows.Span, null), cancellationToken);
    }

    /// <summary>Runs <paramref name="work"/> on a pooled connection on an engine thread (also for the test fixture that serves ClickHouse's HTTP interface).</summary>
    internal async Task<T> RunAsync<T>(Func<ChdbConnection, T> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);   // disposed while it waited for a connection
            // The native call blocks for the statement's duration: it runs on an engine thread, never the caller's.
            return await _threads.Run(() =>
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                var connection = _idle.TryTake(out var idle) ? idle : Open(createDatabase: false);
                try
                {
                    return work(connection);
                }
                finally
                {
                    _idle.Add(connection);
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    private ChdbConnection Open(bool createDatabase)
    {
        var connection = ChdbProcess.Connect(_path);
        try
        {
            if (createDatabase) connection.Query($"CREATE DATABASE IF NOT EXISTS {Database}", "Null", null).Dispose();
            connection.Query($"USE {Database}", "Null", null).Dispose();
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        _all.Add(connection);
        return connection;
    }

    /// <summary>
    /// Waits for the statement running, if any, then closes the connections. A statement that outlives
    /// the wait keeps them open: a leak at shutdown is better than closing a connection under the engine.
    /// </summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_threads.Stop(TimeSpan.FromSeconds(30))) return;
        foreach (var connection in _all) connection.Dispose();
    }
}
