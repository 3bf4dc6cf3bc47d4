using ClickTrace.Analytics.Pages;
using ClickTrace.Analytics.Reports;
using ClickTrace.Analytics.Tests.Funnels;
using ClickTrace.Core.Events;
using ClickTrace.Storage.Events;
using ClickTrace.Testing;
using ClickTrace.Traffic;

namespace ClickTrace.Analytics.Tests.Pages;

/// <summary>The page microscope against plain C# counts over the page's generated events, on three pages with different things to show.</summary>
public abstract class PageBruteForceTests(StoreKind kind) : MigratedDatabaseTest(kind)
{
    private static readonly ReportPeriod Days = ReportPeriod.TryResolve("custom", "2026-11-01", "2026-11-03", "UTC", DateTimeOffset.UtcNow, out _)!;

    [Theory]
    [InlineData(51, "/product/*")]          // clicks on the links, dead clicks on the image
    [InlineData(52, Shop.Details)]          // the form's fields and where it was abandoned
    [InlineData(53, Shop.Payment)]          // the script error
    public async Task The_engine_agrees_with_a_brute_force_count_of_the_pages_events(int seed, string page)
    {
        var events = ShopTraffic.Generate(new ShopTrafficOptions { Seed = seed, Visitors = 2000, Days = 3 }).ToList();
        await new ClickHouseEventWriter(Store).WriteAsync(events);

        var report = await new PageService(Store).GetAsync(new ReportQuery("shop", Days), page);

        var on = events.Where(e => e.Timestamp >= Days.From && e.Timestamp < Days.To && BruteForceFunnel.IsPage(e.Path, page)).ToList();
        Assert.Equal(((long)on.Count(e => e.Type == EventType.Pageview), (long)on.Where(e => e.Type == EventType.Pageview).Select(e => e.VisitorId).Distinct().Count()),
            (report.Pageviews, report.Visitors));
        Assert.Contains(report.Url, on.Where(e => e.Type == EventType.Pageview).Select(e => e.Url)); // the live view's address is one the page had

        var clicks = on.Where(e => e.Type == EventType.Click && e.ViewportWidth > 0).ToList();
        Assert.Equal(
            clicks.GroupBy(e => (Column: Math.Min(49, Math.Max(0, e.X) * 50 / e.ViewportWidth), Row: Math.Max(0, e.Y) / 25))
                .Select(g => ((double)g.Key.Column / 50, g.Key.Row * 25, (long)g.Count())).Order(),
            report.Heat.Select(c => (c.Left, c.Top, c.Clicks)).Order());

        var depths = on.Where(e => e.Type == EventType.Engage).GroupBy(e => (e.SessionId, e.Path)).Select(g => (int)g.Max(e => e.ScrollDepth)).ToList();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)depths.Count(d => d >= i * 10)), report.Scroll.Select(b => b.Views));

        EventType[] frustrating = [EventType.Rage, EventType.Dead, EventType.ErrorClick];
        var elements = on.Where(e => e.Type == EventType.Click || frustrating.Contains(e.Type)).Where(e => e.Selector != "").GroupBy(e => e.Selector)
            .Select(g => (g.Key, (long)g.Count(e => e.Type == EventType.Click), (long)g.Where(e => e.Type == EventType.Click).Select(e => e.VisitorId).Distinct().Count(),
                (long)g.Count(e => e.Type == EventType.Rage), (long)g.Count(e => e.Type == EventType.Dead),
                (long)g.Where(e => frustrating.Contains(e.Type)).Select(e => e.VisitorId).Distinct().Count()))
            .Order().ToList();
        Assert.Equal(elements, report.Elements.Select(e => (e.Selector, e.Clicks, e.Visitors, e.RageClicks, e.DeadClicks, e.FrustratedVisitors)).Order());

        var fields = on.Where(e => e.Type is EventType.Field or EventType.Abandon && e.Name != "").GroupBy(e => (e.Selector, e.Name))
            .Select(g =>
            {
                var uses = g.Where(e => e.Type == EventType.Field).ToList();
                return (g.Key.Selector, g.Key.Name, (long)uses.Count, (long)uses.Select(e => e.VisitorId).Distinct().Count(),
                    uses.Count == 0 ? 0 : BruteForceFunnel.UpperMedian(uses.Select(e => (long)e.DurationMs).ToList()), (long)g.Count(e => e.Type == EventType.Abandon));
            })
            .Order().ToList();
        Assert.Equal(fields, report.Fields.Select(f => (f.Form, f.Field, f.Uses, f.Visitors, f.MedianTime.TotalMilliseconds, f.Abandoned)).Order());

        var errors = on.Where(e => e.Type == EventType.Error).GroupBy(e => (e.Name, e.Href, e.Line))
            .Select(g => (g.Key.Name, g.Key.Href, g.Key.Line, (long)g.Count(), (long)g.Select(e => e.VisitorId).Distinct().Count())).Order().ToList();
        Assert.Equal(errors, report.Errors.Select(e => (e.Message, e.Source, e.Line, e.Count, e.Visitors)).Order());

        // Each page shows what was planted on it.
        switch (page)
        {
            case Shop.Details: Assert.Equal(4, report.Fields.Count); break;
            case Shop.Payment: Assert.Single(report.Errors); break;
            default: Assert.Contains(report.Elements, e => e.Selector == Shop.DeadImage && e.DeadClicks > 10 && e.Clicks == 0); break;
        }
    }
}

public sealed class EmbeddedPageBruteForceTests() : PageBruteForceTests(StoreKind.Embedded);

public sealed class ServerPageBruteForceTests() : PageBruteForceTests(StoreKind.Server);
