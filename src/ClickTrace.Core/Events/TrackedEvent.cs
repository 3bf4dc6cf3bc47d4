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

    /// <summary>The custom event's name, identify's customer id, the step's name, the form field's name, or the error message.</summary>
    public string Name { get; init; } = "";

    /// <summary>Clicks: the position within the element, in CSS pixels.</summary>
    public int ElementX { get; init; }
    public int ElementY { get; init; }

    /// <summary>Clicks: whether the element is interactive (link, button, field, click role).</summary>
    public bool Interactive { get; init; }

    /// <summary>The ad (data-ct-ad) the element belongs to: clicks and ad views.</summary>
    public string Ad { get; init; } = "";

    /// <summary>Milliseconds: time in a form field (field, abandon) or visible time of a page view (engage).</summary>
    public uint DurationMs { get; init; }

    /// <summary>Engage: deepest scroll, percent of the page's height (0-100).</summary>
    public byte ScrollDepth { get; init; }

    /// <summary>Rage clicks: how many clicks; field events: 1 when the value was changed.</summary>
    public ushort Count { get; init; }

    /// <summary>Page views of a page marked as an error page (data-ct-404).</summary>
    public bool ErrorPage { get; init; }

    /// <summary>Errors: the script line (the script's URL is <see cref="Href"/>).</summary>
    public int Line { get; init; }

    /// <summary>Custom events: their properties (revenue and currency are taken out into their own fields).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = EmptyProperties;

    /// <summary>Custom events: the <c>revenue</c> property as a number (0 when absent or not a number).</summary>
    public decimal Revenue { get; init; }

    /// <summary>Custom events: the <c>currency</c> property, an ISO 4217 code in upper case (empty when absent or not one).</summary>
    public string Currency { get; init; } = "";

    private static readonly IReadOnlyDictionary<string, string> EmptyProperties = new Dictionary<string, string>();

    /// <summary>Device class: desktop, tablet, mobile, bot (empty when unknown).</summary>
    public string Device { get; init; } = "";

    /// <summary>Browser family (Chrome, Firefox, Safari, ...), from the User-Agent.</summary>
    public string Browser { get; init; } = "";

    /// <summary>Operating system family (Windows, macOS, iOS, Android, Linux, ...), from the User-Agent.</summary>
    public string Os { get; init; } = "";

    /// <summary>The visitor's country (ISO 3166-1 alpha-2) from the request's IP, which is not kept; empty when unknown.</summary>
    public string Country { get; init; } = "";

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
