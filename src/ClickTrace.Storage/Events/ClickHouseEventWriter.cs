namespace ClickTrace.Storage.Events;

/// <summary>Inserts a batch's RowBinary rows with a single statement.</summary>
public sealed class ClickHouseEventWriter(IClickHouse store) : IEventWriter
{
    public async Task WriteRowsAsync(EventRowBatch batch, string? deduplicationToken = null, CancellationToken cancellationToken = default)
    {
        if (batch.Count == 0) return;
        await store.InsertRowBinaryAsync(EventRows.Table, EventRows.Columns, batch.Rows, deduplicationToken, cancellationToken).ConfigureAwait(false);
    }
}
