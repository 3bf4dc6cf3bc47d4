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
        var (properties, revenue, currency) = e.Properties is { Count: > 0 } given ? Properties(given, ref cut) : (Empty, 0m, "");
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
            Country = facts.Country,
            IsBot = facts.Agent.IsBot,
            ReferrerHost = referrerHost,
            ReferrerClass = referrerClass,
            UtmSource = campaign.Source,
            UtmMedium = campaign.Medium,
            UtmCampaign = campaign.Name,
            UtmContent = campaign.Content,
            UtmTerm = campaign.Term,
            ClickIdType = campaign.ClickIdType,
            ElementX = e.ElementX,
            ElementY = e.ElementY,
            Interactive = e.Interactive != 0,
            Ad = Cap(e.Ad, Text.Ad),
            DurationMs = (uint)Math.Clamp(e.Duration, 0, uint.MaxValue),
            ScrollDepth = (byte)Math.Clamp(e.ScrollDepth, 0, 100),
            Count = (ushort)Math.Clamp(e.Count, 0, ushort.MaxValue),
            ErrorPage = e.NotFound != 0,
            Line = Math.Max(0, e.Line),
            Properties = properties,
            Revenue = revenue,
            Currency = currency,
            Flags = (timestamp.ToUnixTimeMilliseconds() != e.Timestamp ? EventFlags.ClockClamped : EventFlags.None) | (cut ? EventFlags.Truncated : EventFlags.None),
        };
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    /// <summary>Largest revenue one event may carry; a bigger (or unparsable) value counts as none and flags the event.</summary>
    public const decimal MaxRevenue = 1_000_000_000m;

    /// <summary>
    /// A custom event's properties, at most <see cref="Text.Properties"/> with capped keys and values; the
    /// <c>revenue</c> (a number) and <c>currency</c> (three letters) properties become fields of their own.
    /// </summary>
    public static (IReadOnlyDictionary<string, string> Properties, decimal Revenue, string Currency) Properties(
        IReadOnlyDictionary<string, string> given, ref bool cut)
    {
        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        var revenue = 0m;
        var currency = "";
        foreach (var (key, value) in given)
        {
            if (key == "revenue")
            {
                var parsed = decimal.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var amount)
                    && Math.Abs(amount) <= MaxRevenue;
                revenue = parsed ? Math.Round(amount, Storage.Events.EventRows.RevenueScale) : 0m;
                cut |= !parsed;
            }
            else if (key == "currency")
            {
                var code = value.Trim().ToUpperInvariant();
                currency = code.Length == 3 && code.All(char.IsAsciiLetterUpper) ? code : "";
                cut |= currency.Length == 0;
            }
            else if (kept.Count < Text.Properties && Text.Cap(key, Text.PropertyKey) is { Length: > 0 } name && !kept.ContainsKey(name))
            {
                var text = Text.Cap(value, Text.PropertyValue);
                cut |= name.Length < key.Trim().Length || text.Length < value.Trim().Length;
                kept[name] = text;
            }
            else
            {
                cut = true;
            }
        }
        return (kept, revenue, currency);
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
