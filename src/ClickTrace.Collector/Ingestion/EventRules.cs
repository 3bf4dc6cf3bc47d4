using ClickTrace.Core.Events;
using ClickTrace.Core.Wire;

namespace ClickTrace.Collector.Ingestion;

/// <summary>What the event rules look at: the id and type when they parse, and whether a name is given.</summary>
public readonly record struct EventKey(Guid? Id, EventType? Type, bool HasName)
{
    public static EventKey Of(WireEvent e) => new(
        EventIds.Parse(e.Id),
        EventTypes.TryParse(e.Type, out var type) ? type : null,
        !string.IsNullOrWhiteSpace(e.Name));
}

/// <summary>Step 3, validate each event: an event that fails is dropped with its reason, the rest of the batch goes on.</summary>
public static class EventRules
{
    public static DropReason? Check(EventKey key)
    {
        if (key.Id is null) return DropReason.InvalidId;
        if (key.Type is not { } type) return DropReason.UnknownType;
        if (type.NeedsName() && !key.HasName) return DropReason.MissingName;
        return null;
    }

    /// <summary>The drop reason of each event in order (null: kept), including ids repeated within the batch.</summary>
    public static DropReason?[] CheckAll(IReadOnlyList<EventKey> keys)
    {
        var reasons = new DropReason?[keys.Count];
        var seen = new HashSet<Guid>(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            reasons[i] = Check(keys[i]);
            if (reasons[i] is null && !seen.Add(keys[i].Id!.Value)) reasons[i] = DropReason.DuplicateInBatch;
        }
        return reasons;
    }
}
