using ClickTrace.Core.Events;
using ClickTrace.Core.Wire;

namespace ClickTrace.Collector.Ingestion;

/// <summary>Step 4, enrich: bound every string, clamp the clock, derive path and device class.</summary>
public static class EventEnricher
{
    public static TrackedEvent Build(WireBatch batch, WireEvent e, Guid id, EventType type, IngestContext context, CollectorOptions options)
    {
        var sessionId = BatchRules.ParseId(batch.SessionId)!.Value;
        var url = Text.Cap(e.Url, Text.Url);
        return new TrackedEvent
        {
            EventId = id,
            SiteId = batch.Site!,
            Type = type,
            Timestamp = Clamp(e.Timestamp, context.ReceivedAt, options.MaxClockSkew),
            ReceivedAt = context.ReceivedAt,
            SessionId = sessionId,
            VisitorId = BatchRules.ParseId(batch.VisitorId) ?? sessionId,
            Url = url,
            Path = PathOf(url),
            Referrer = Text.Cap(e.Referrer, Text.Url),
            Title = Text.Cap(e.Title, Text.Title),
            Selector = Text.Cap(e.Selector, Text.Selector),
            Tag = Text.Cap(e.Tag, Text.Tag).ToLowerInvariant(),
            Text = Text.Cap(e.Text, Text.VisibleText),
            Href = Text.Cap(e.Href, Text.Url),
            X = e.X,
            Y = e.Y,
            ViewportWidth = (ushort)Math.Clamp(e.ViewportWidth, 0, ushort.MaxValue),
            ViewportHeight = (ushort)Math.Clamp(e.ViewportHeight, 0, ushort.MaxValue),
            Name = Text.Cap(e.Name, Text.Name),
            Device = DeviceOf(e.ViewportWidth),
        };
    }

    /// <summary>A timestamp further than <paramref name="skew"/> from the receive time is replaced by the receive time.</summary>
    public static DateTimeOffset Clamp(long unixMillis, DateTimeOffset receivedAt, TimeSpan skew)
    {
        var received = receivedAt.ToUnixTimeMilliseconds();
        var window = (long)skew.TotalMilliseconds;
        return unixMillis >= received - window && unixMillis <= received + window
            ? DateTimeOffset.FromUnixTimeMilliseconds(unixMillis)
            : receivedAt;
    }

    /// <summary>The path of an absolute URL, without query or fragment; "/" for anything unparsable.</summary>
    public static string PathOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? Text.Cap(Uri.UnescapeDataString(uri.AbsolutePath), Text.Url)
            : "/";

    /// <summary>Device class by viewport width, until the User-Agent classifier arrives.</summary>
    public static string DeviceOf(int viewportWidth) => viewportWidth switch
    {
        <= 0 => "",
        < 768 => "mobile",
        < 1024 => "tablet",
        _ => "desktop",
    };
}
