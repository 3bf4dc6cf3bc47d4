using ClickTrace.Core.Events;
using ClickTrace.Core.Wire;

namespace ClickTrace.Collector.Ingestion;

/// <summary>Step 3, validate each event: an event that fails is dropped with its reason, the rest of the batch goes on.</summary>
public static class EventRules
{
    public static DropReason? Check(WireEvent e, out Guid id, out EventType type)
    {
        type = default;
        if (!Guid.TryParseExact(e.Id, "D", out id)) return DropReason.InvalidId;
        if (!EventTypes.TryParse(e.Type, out type)) return DropReason.UnknownType;
        if (type == EventType.Custom && string.IsNullOrWhiteSpace(e.Name)) return DropReason.MissingName;
        return null;
    }
}
