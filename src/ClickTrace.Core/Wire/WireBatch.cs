using System.Text.Json.Serialization;

namespace ClickTrace.Core.Wire;

/// <summary>
/// Wire format v1: one batch of events from one page of one site (docs/wire-format.md). Keys are short
/// because the tag sends them on every flush.
/// </summary>
public sealed class WireBatch
{
    /// <summary>Format version; 1.</summary>
    [JsonPropertyName("v")] public int Version { get; set; }

    /// <summary>The site key from the tag's data-site attribute.</summary>
    [JsonPropertyName("site")] public string? Site { get; set; }

    /// <summary>Session id: 16 hex digits chosen by the tag (a new one after 30 minutes of inactivity).</summary>
    [JsonPropertyName("sid")] public string? SessionId { get; set; }

    /// <summary>Visitor id: 16 hex digits kept by the tag across sessions (absent in cookieless mode).</summary>
    [JsonPropertyName("vid")] public string? VisitorId { get; set; }

    [JsonPropertyName("events")] public List<WireEvent>? Events { get; set; }
}

/// <summary>One event of a <see cref="WireBatch"/>.</summary>
public sealed class WireEvent
{
    /// <summary>Client-generated UUID; the same id is never counted twice.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }

    /// <summary>Event type: pageview, click or custom.</summary>
    [JsonPropertyName("t")] public string? Type { get; set; }

    /// <summary>Client timestamp, milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("ts")] public long Timestamp { get; set; }

    /// <summary>Page URL.</summary>
    [JsonPropertyName("u")] public string? Url { get; set; }

    /// <summary>Referrer (page views).</summary>
    [JsonPropertyName("r")] public string? Referrer { get; set; }

    /// <summary>Document title (page views).</summary>
    [JsonPropertyName("ti")] public string? Title { get; set; }

    /// <summary>Viewport width and height in CSS pixels.</summary>
    [JsonPropertyName("vw")] public int ViewportWidth { get; set; }
    [JsonPropertyName("vh")] public int ViewportHeight { get; set; }

    /// <summary>Clicks: CSS selector path, tag name, visible text, link href, page coordinates.</summary>
    [JsonPropertyName("s")] public string? Selector { get; set; }
    [JsonPropertyName("tg")] public string? Tag { get; set; }
    [JsonPropertyName("tx")] public string? Text { get; set; }
    [JsonPropertyName("h")] public string? Href { get; set; }
    [JsonPropertyName("x")] public int X { get; set; }
    [JsonPropertyName("y")] public int Y { get; set; }

    /// <summary>Custom events: the name given to clicktrace(name, props).</summary>
    [JsonPropertyName("n")] public string? Name { get; set; }
}
