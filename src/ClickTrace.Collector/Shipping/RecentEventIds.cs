namespace ClickTrace.Collector.Shipping;

/// <summary>
/// The ids of events stored in the last <c>window</c> (at most <c>capacity</c>), so that a batch a client
/// sends again (it never saw the answer to the first) is not counted twice. Ids join only once their
/// insert succeeded: an insert that failed and is retried is not mistaken for a repeat. Used by the
/// shipper's one loop; not thread-safe.
/// </summary>
public sealed class RecentEventIds(TimeSpan window, int capacity)
{
    private readonly HashSet<Guid> _ids = [];
    private readonly Queue<(Guid Id, DateTimeOffset At)> _order = new();

    public int Count => _ids.Count;

    public bool Contains(Guid id) => _ids.Contains(id);

    /// <summary>Remembers stored ids, forgetting those older than the window and, past the capacity, the oldest.</summary>
    public void Add(IEnumerable<Guid> ids, DateTimeOffset now)
    {
        if (window <= TimeSpan.Zero || capacity == 0) return;
        foreach (var id in ids)
            if (_ids.Add(id)) _order.Enqueue((id, now));
        while (_order.Count > 0 && (_order.Count > capacity || _order.Peek().At <= now - window))
            _ids.Remove(_order.Dequeue().Id);
    }
}
