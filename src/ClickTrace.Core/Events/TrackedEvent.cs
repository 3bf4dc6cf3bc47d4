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

    /// <summary>Device class: desktop, tablet, mobile, bot (empty when unknown).</summary>
    public string Device { get; init; } = "";

    /// <summary>Browser family (Chrome, Firefox, Safari, ...), from the User-Agent.</summary>
    public string Browser { get; init; } = "";

    /// <summary>Operating system family (Windows, macOS, iOS, Android, Linux, ...), from the User-Agent.</summary>
    public string Os { get; init; } = "";

    /// <summary>Whether the User-Agent or the request looks like a crawler or an automated browser.</summary>
    public bool IsBot { get; init; }

    /// <summary>Page views: the referrer's host name (no path, no query).</summary>
    public string ReferrerHost { get; init; } = "";

    /// <summary>Page views: where the visit came from (see <see cref="ReferrerClasses"/>).</summary>
    public string ReferrerClass { get; init; } = "";

    /// <summary>UTM parameters of the page URL.</summary>
    public string UtmSource { get; init; } = "";
    public string UtmMedium { get; init; } = "";
    public string UtmCampaign { get; init; } = "";
    public string UtmContent { get; init; } = "";
    public string UtmTerm { get; init; } = "";

    /// <summary>The kind of ad click id on the page URL (gclid, fbclid, msclkid, ...); the id itself is not kept.</summary>
    public string ClickIdType { get; init; } = "";

    /// <summary>What the collector changed about the event.</summary>
    public EventFlags Flags { get; init; }
}

/// <summary>Corrections the collector made to an event, stored with it.</summary>
[Flags]
public enum EventFlags : byte
{
    None = 0,

    /// <summary>The client clock was too far off; the receive time was used instead.</summary>
    ClockClamped = 1,

    /// <summary>A string was longer than its cap and was cut.</summary>
    Truncated = 2,
}

/// <summary>The referrer classes: how a visit arrived.</summary>
public static class ReferrerClasses
{
    public const string Direct = "direct";
    public const string Internal = "internal";
    public const string Search = "search";
    public const string Social = "social";
    public const string Email = "email";
    public const string Campaign = "campaign";
    public const string Other = "other";
}
