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

    /// <summary>Event type: pageview, click, custom, ... (docs/wire-format.md).</summary>
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

    /// <summary>
    /// A name: the custom event's, the customer id of identify, the funnel step's, the form field's
    /// (field, abandon), the error message (error, errclick).
    /// </summary>
    [JsonPropertyName("n")] public string? Name { get; set; }

    /// <summary>Clicks: the position within the element, in CSS pixels.</summary>
    [JsonPropertyName("ex")] public int ElementX { get; set; }
    [JsonPropertyName("ey")] public int ElementY { get; set; }

    /// <summary>Clicks: 1 when the element is interactive (a link, button, field, or has a click role).</summary>
    [JsonPropertyName("i")] public int Interactive { get; set; }

    /// <summary>The data-ct-ad value of the element or its nearest marked ancestor (clicks, adview).</summary>
    [JsonPropertyName("ad")] public string? Ad { get; set; }

    /// <summary>Milliseconds: time in a field (field, abandon), visible time of the page view (engage).</summary>
    [JsonPropertyName("d")] public long Duration { get; set; }

    /// <summary>Engage: the deepest point scrolled, in percent of the page's height.</summary>
    [JsonPropertyName("sd")] public int ScrollDepth { get; set; }

    /// <summary>A count: clicks of a rage click; for field, 1 when the value was changed.</summary>
    [JsonPropertyName("c")] public int Count { get; set; }

    /// <summary>Page views: 1 when the page is marked as an error page (data-ct-404).</summary>
    [JsonPropertyName("nf")] public int NotFound { get; set; }

    /// <summary>Errors: the line in the script (the script's URL is in <c>h</c>).</summary>
    [JsonPropertyName("ln")] public int Line { get; set; }

    /// <summary>Custom events: properties, string keys with string, number or boolean values (<c>revenue</c> and <c>currency</c> are understood).</summary>
    [JsonPropertyName("p")]
    [JsonConverter(typeof(WirePropertiesConverter))]
    public Dictionary<string, string>? Properties { get; set; }
}
