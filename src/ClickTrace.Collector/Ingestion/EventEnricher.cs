using ClickTrace.Collector.Enrichment;
using ClickTrace.Core.Events;
using ClickTrace.Core.Wire;

namespace ClickTrace.Collector.Ingestion;

/// <summary>
/// Step 4, enrich: bound every string (flagging a cut), clamp the clock (flagging it), derive the path,
/// add the request's User-Agent classes and ids, and for page views the referrer class and campaign.
/// </summary>
public static class EventEnricher
{
    public static TrackedEvent Build(
        WireBatch batch, WireEvent e, Guid id, EventType type, IngestContext context, BatchFacts facts,
        ReferrerClassifier referrers, CollectorOptions options)
    {
        var cut = false;
        string Cap(string? value, int max)
        {
            var capped = Text.Cap(value, max);
            cut |= value is not null && capped.Length < value.Trim().Length;
            return capped;
        }

        var url = Cap(e.Url, Text.Url);
        var referrer = Cap(e.Referrer, Text.Url);
        var timestamp = Clamp(e.Timestamp, context.ReceivedAt, options.MaxClockSkew);
        var campaign = type == EventType.Pageview ? referrers.CampaignOf(url) : Campaign.None;
        var (referrerHost, referrerClass) = type == EventType.Pageview ? referrers.Classify(referrer, url, campaign) : ("", "");
        return new TrackedEvent
        {
            EventId = id,
            SiteId = batch.Site!,
            Type = type,
            Timestamp = timestamp,
            ReceivedAt = context.ReceivedAt,
            SessionId = facts.SessionId,
            VisitorId = facts.VisitorId,
            Url = url,
            Path = PathOf(url),
            Referrer = referrer,
            Title = Cap(e.Title, Text.Title),
            Selector = Cap(e.Selector, Text.Selector),
            Tag = Cap(e.Tag, Text.Tag).ToLowerInvariant(),
            Text = Cap(e.Text, Text.VisibleText),
            Href = Cap(e.Href, Text.Url),
            X = e.X,
            Y = e.Y,
            ViewportWidth = (ushort)Math.Clamp(e.ViewportWidth, 0, ushort.MaxValue),
            ViewportHeight = (ushort)Math.Clamp(e.ViewportHeight, 0, ushort.MaxValue),
            Name = Cap(e.Name, Text.Name),
            Device = facts.Agent.IsBot ? "bot" : facts.Agent.Device is { Length: > 0 } device ? device : DeviceOf(e.ViewportWidth),
            Browser = facts.Agent.Browser,
            Os = facts.Agent.Os,
            IsBot = facts.Agent.IsBot,
            ReferrerHost = referrerHost,
            ReferrerClass = referrerClass,
            UtmSource = campaign.Source,
            UtmMedium = campaign.Medium,
            UtmCampaign = campaign.Name,
            UtmContent = campaign.Content,
            UtmTerm = campaign.Term,
            ClickIdType = campaign.ClickIdType,
            Flags = (timestamp.ToUnixTimeMilliseconds() != e.Timestamp ? EventFlags.ClockClamped : EventFlags.None) | (cut ? EventFlags.Truncated : EventFlags.None),
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

    /// <summary>Device class by viewport width, when the User-Agent did not say.</summary>
    public static string DeviceOf(int viewportWidth) => viewportWidth switch
    {
        <= 0 => "",
        < 768 => "mobile",
        < 1024 => "tablet",
        _ => "desktop",
    };
}
