using ClickTrace.Analytics.Links;
using ClickTrace.Analytics.Reports;
using ClickTrace.Core.Events;
using ClickTrace.Storage.Events;
using ClickTrace.Testing;
using ClickTrace.Traffic;

namespace ClickTrace.Analytics.Tests.Links;

/// <summary>The links report against counts made in plain C# over generated shop traffic, and its planted truths.</summary>
public abstract class LinksBruteForceTests(StoreKind kind) : MigratedDatabaseTest(kind)
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public async Task The_engine_agrees_with_a_brute_force_count_and_finds_the_planted_links(int seed)
    {
        var events = ShopTraffic.Generate(new ShopTrafficOptions { Seed = seed, Visitors = 1200, Days = 2 }).ToList();
        await new ClickHouseEventWriter(Store).WriteAsync(events);
        var period = ReportPeriod.TryResolve("custom", "2026-11-01", "2026-11-02", "UTC", DateTimeOffset.UtcNow, out _)!;

        var report = await new LinksService(Store).GetAsync(new ReportQuery("shop", period), minImpressions: 50);
        var expected = Expected(events.Where(e => e.Timestamp >= period.From && e.Timestamp < period.To).ToList());

        Assert.Equal(expected.Keys.Order(), report.Links.Select(l => (l.Path, l.Selector)).Order());
        foreach (var link in report.Links)
            Assert.Equal(expected[(link.Path, link.Selector)], (link.Impressions, link.SeenBy, link.Clicks, link.ClickedBy, link.BrokenClicks, link.BrokenVisitors));

        // The planted truths: the footer's careers link is seen on every page and never clicked; the old
        // offer leads to an error page.
        var careers = report.Links.Where(l => l.Href == Shop.NeverClickedLink).ToList();
        Assert.NotEmpty(careers);
        Assert.All(careers.Where(l => l.Impressions >= 50), l => Assert.Equal(LinkFlag.NeverClicked, l.Flag));
        var broken = report.Links.Where(l => l.Href == Shop.BrokenLink && l.Clicks > 0).ToList();
        Assert.NotEmpty(broken);
        Assert.All(broken, l => Assert.Equal(LinkFlag.Broken, l.Flag));
        // Flagged links first, by the visitors they affect: the careers link, which everyone sees, leads.
        var flagged = report.Links.TakeWhile(l => l.Flag != LinkFlag.None).ToList();
        Assert.Equal(report.Links.Count(l => l.Flag != LinkFlag.None), flagged.Count);
        Assert.Equal(flagged.Select(l => l.VisitorsAffected).OrderDescending(), flagged.Select(l => l.VisitorsAffected));
        Assert.Equal(Shop.NeverClickedLink, flagged[0].Href);

        // Rage, dead and error clicks per element: the coupon button and the product image lead.
        EventType[] frustrating = [EventType.Rage, EventType.Dead, EventType.ErrorClick];
        var elements = events.Where(e => e.Timestamp >= period.From && e.Timestamp < period.To && frustrating.Contains(e.Type) && e.Selector != "")
            .GroupBy(e => (e.Path, e.Selector))
            .Select(g => (g.Key.Path, g.Key.Selector, (long)g.Count(e => e.Type == EventType.Rage), (long)g.Count(e => e.Type == EventType.Dead),
                (long)g.Select(e => e.VisitorId).Distinct().Count()))
            .Order().ToList();
        Assert.Equal(elements, report.Frustrating.Select(f => (f.Path, f.Selector, f.RageClicks, f.DeadClicks, f.Visitors)).Order());
        Assert.Equal(report.Frustrating.Select(f => f.Visitors).OrderDescending(), report.Frustrating.Select(f => f.Visitors));
        Assert.Contains(report.Frustrating.Take(2), f => f.Selector == Shop.RageButton);
    }

    private static Dictionary<(string, string), (long, long, long, long, long, long)> Expected(List<TrackedEvent> events)
    {
        // Broken: a click whose next click or page view in the session is an error page's view (click first at a tie).
        var brokenClicks = new HashSet<TrackedEvent>();
        foreach (var session in events.Where(e => e.Type == EventType.Pageview || (e.Type == EventType.Click && e.Href != "")).GroupBy(e => e.SessionId))
        {
            var ordered = session.OrderBy(e => e.Timestamp).ThenBy(e => e.Type == EventType.Pageview).ToList();
            for (var i = 0; i + 1 < ordered.Count; i++)
                if (ordered[i].Type == EventType.Click && ordered[i + 1].Type == EventType.Pageview && ordered[i + 1].ErrorPage) brokenClicks.Add(ordered[i]);
        }
        return events
            .Where(e => e.Href != "" && e.Type is EventType.Impression or EventType.Click or EventType.ErrorClick)
            .GroupBy(e => (e.Path, e.Selector))
            .Where(g => g.Any(e => e.Type is EventType.Impression or EventType.Click))
            .ToDictionary(g => g.Key, g =>
            {
                var broken = g.Where(e => e.Type == EventType.ErrorClick || brokenClicks.Contains(e)).ToList();
                return ((long)g.Count(e => e.Type == EventType.Impression), (long)g.Where(e => e.Type == EventType.Impression).Select(e => e.VisitorId).Distinct().Count(),
                        (long)g.Count(e => e.Type == EventType.Click), (long)g.Where(e => e.Type == EventType.Click).Select(e => e.VisitorId).Distinct().Count(),
                        (long)broken.Count, (long)broken.Select(e => e.VisitorId).Distinct().Count());
            });
    }
}

public sealed class EmbeddedLinksBruteForceTests() : LinksBruteForceTests(StoreKind.Embedded);

public sealed class ServerLinksBruteForceTests() : LinksBruteForceTests(StoreKind.Server);
