using System.Globalization;
using ClickTrace.Core.Events;
using ClickTrace.Core.Wire;

namespace ClickTrace.Traffic.Wire;

/// <summary>
/// Generated events as the tag would post them: wire format v1 batches of one page view's events (at most
/// <paramref name="maxEvents"/>), with the session and visitor ids as 16 hex digits. The collector
/// derives the device and browser from the request's User-Agent, not from these.
/// </summary>
public static class WireBatches
{
    public static IEnumerable<WireBatch> From(IReadOnlyList<TrackedEvent> events, int maxEvents = 20)
    {
        var i = 0;
        while (i < events.Count)
        {
            var first = events[i];
            var batch = new WireBatch
            {
                Version = 1, Site = first.SiteId, SessionId = first.SessionId.ToString("x16", CultureInfo.InvariantCulture),
                VisitorId = first.VisitorId.ToString("x16", CultureInfo.InvariantCulture), Events = [],
            };
            while (i < events.Count && batch.Events.Count < maxEvents && events[i].Url == first.Url && events[i].SessionId == first.SessionId)
                batch.Events.Add(ToWire(events[i++]));
            yield return batch;
        }
    }

    public static WireEvent ToWire(TrackedEvent e) => new()
    {
        Id = e.EventId.ToString("N"), Type = e.Type.Name(), Timestamp = e.Timestamp.ToUnixTimeMilliseconds(), Url = e.Url,
        Referrer = NullIfEmpty(e.Referrer), Title = NullIfEmpty(e.Title), ViewportWidth = e.ViewportWidth, ViewportHeight = e.ViewportHeight,
        Selector = NullIfEmpty(e.Selector), Tag = NullIfEmpty(e.Tag), Text = NullIfEmpty(e.Text), Href = NullIfEmpty(e.Href), X = e.X, Y = e.Y,
        Name = NullIfEmpty(e.Name), ElementX = e.ElementX, ElementY = e.ElementY, Interactive = e.Interactive ? 1 : 0, Ad = NullIfEmpty(e.Ad),
        Duration = e.DurationMs, ScrollDepth = e.ScrollDepth, Count = e.Count, NotFound = e.ErrorPage ? 1 : 0, Line = e.Line,
        Properties = e.Properties.Count > 0 ? new Dictionary<string, string>(e.Properties) : null,
    };

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
