namespace ClickTrace.Storage;

/// <summary>
/// The storage seam: one ClickHouse database, reached either through the embedded engine or a server.
/// Every value from a user or a browser must arrive as a bound parameter, never inside <c>sql</c>.
/// </summary>
public interface IClickHouse
{
    /// <summary>The database this store reads and writes; queries use unqualified table names.</summary>
    string Database { get; }

    /// <summary>
    /// The ClickHouse cluster the database is spread over, or null for one engine or server. With a cluster,
    /// migrations take their <see cref="Schema.ClusterDdl"/> form.
    /// </summary>
    string? Cluster => null;

    /// <summary>Runs a statement that returns no rows (DDL, INSERT ... SELECT, ...).</summary>
    Task ExecuteAsync(string sql, QueryParameters? parameters = null, CancellationToken cancellationToken = default);

    /// <summary>Runs a query and returns its rows.</summary>
    Task<QueryResult> QueryAsync(string sql, QueryParameters? parameters = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts rows already encoded as RowBinary for <paramref name="columns"/> of <paramref name="table"/>.
    /// With a <paramref name="deduplicationToken"/>, ClickHouse ignores a repeat of the same insert (the
    /// table needs a deduplication window). Returns the number of rows written.
    /// </summary>
    Task<ulong> InsertRowBinaryAsync(
        string table, IReadOnlyList<string> columns, ReadOnlyMemory<byte> rows, string? deduplicationToken = null, CancellationToken cancellationToken = default);
}
