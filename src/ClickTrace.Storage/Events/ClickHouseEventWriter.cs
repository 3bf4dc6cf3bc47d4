using System.Buffers;
using ClickTrace.Core.Events;

namespace ClickTrace.Storage.Events;

/// <summary>Encodes a batch as RowBinary and inserts it with a single statement.</summary>
public sealed class ClickHouseEventWriter(IClickHouse store) : IEventWriter
{
    public async Task WriteAsync(IReadOnlyList<TrackedEvent> events, string? deduplicationToken = null, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0) return;
        using var buffer = new RowBinary.PooledBufferWriter(events.Count * 256);
        EventRows.Write(buffer, events);
        await store.InsertRowBinaryAsync(EventRows.Table, EventRows.Columns, buffer.WrittenMemory, deduplicationToken, cancellationToken).ConfigureAwait(false);
    }
}
