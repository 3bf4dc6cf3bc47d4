namespace ClickTrace.Core.Events;

/// <summary>
/// One validated, enriched event as ClickTrace stores it. Built by the collector from a wire event;
/// never sent over the wire itself.
/// </summary>
public sealed record TrackedEvent
{
    public required Guid EventId { get; init; }
    public required string SiteId { get; init; }
    public required EventType Type { get; init; }

    /// <summary>When the event happened, by the client's clock (clamped by the collector).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>When the collector received it.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    public required ulong SessionId { get; init; }
    public required ulong VisitorId { get; init; }

    public string Url { get; init; } = "";
    public string Path { get; init; } = "";
    public string Referrer { get; init; } = "";
    public string Title { get; init; } = "";

    /// <summary>Clicks: a short CSS selector path of the clicked element.</summary>
    public string Selector { get; init; } = "";

    /// <summary>Clicks: the element's tag name, lower case.</summary>
    public string Tag { get; init; } = "";

    /// <summary>Clicks: the element's trimmed visible text (never an input's value).</summary>
    public string Text { get; init; } = "";

    /// <summary>Clicks: the link target, when the element is or sits in a link.</summary>
    public string Href { get; init; } = "";

    /// <summary>Clicks: page coordinates in CSS pixels.</summary>
    public int X { get; init; }
    public int Y { get; init; }

    public ushort ViewportWidth { get; init; }
    public ushort ViewportHeight { get; init; }

    /// <summary>Custom events: the event name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Device class: desktop, tablet, mobile (empty when unknown).</summary>
    public string Device { get; init; } = "";
}
