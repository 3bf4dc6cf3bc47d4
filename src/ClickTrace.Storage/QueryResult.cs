namespace ClickTrace.Storage;

/// <summary>The rows of a query, decoded to .NET values (UInt64 as ulong, DateTime in UTC, UUID as Guid, ...).</summary>
public sealed class QueryResult(IReadOnlyList<string> columns, IReadOnlyList<string> types, IReadOnlyList<object?[]> rows)
{
    public static readonly QueryResult Empty = new([], [], []);

    public IReadOnlyList<string> Columns { get; } = columns;
    public IReadOnlyList<string> Types { get; } = types;
    public IReadOnlyList<object?[]> Rows { get; } = rows;

    /// <summary>The single value of a one-row, one-column result.</summary>
    public object? Scalar() => Rows.Count > 0 && Rows[0].Length > 0 ? Rows[0][0] : null;
}
