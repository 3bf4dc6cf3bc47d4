using ClickTrace.Core.Events;
using ClickTrace.Storage.RowBinary;

namespace ClickTrace.Storage.Events;

/// <summary>
/// The events of one insert, encoded as rows of the <c>events</c> table (<see cref="EventRows"/>) as each is added.
/// A batch waiting for its insert holds pooled bytes, not the event objects: a collector gathering 10,000 events
/// kept over 100,000 strings alive until the insert, which every garbage collection then copied while the
/// requests waited (the shipper's batch was most of what survived a collection).
/// </summary>
public sealed class EventRowBatch : IDisposable
{
    private readonly PooledBufferWriter _rows;
    private readonly RowBinaryWriter _row;

    public EventRowBatch(int initialBytes = 64 * 1024)
    {
        _rows = new PooledBufferWriter(initialBytes);
        _row = new RowBinaryWriter(_rows);
    }

    public EventRowBatch(IEnumerable<TrackedEvent> events) : this()
    {
        foreach (var e in events) Add(e);
    }

    /// <summary>How many events the batch holds.</summary>
    public int Count { get; private set; }

    /// <summary>The RowBinary rows, in the order the events were added.</summary>
    public ReadOnlyMemory<byte> Rows => _rows.WrittenMemory;

    public void Add(TrackedEvent e)
    {
        EventRows.Write(_row, e);
        Count++;
    }

    /// <summary>Empties the batch, keeping its buffer for the next one.</summary>
    public void Clear()
    {
        _rows.Clear();
        Count = 0;
    }

    public void Dispose() => _rows.Dispose();
}
