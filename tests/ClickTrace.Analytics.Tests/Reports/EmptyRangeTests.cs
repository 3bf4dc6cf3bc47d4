using ClickTrace.Analytics.Abandonment;
using ClickTrace.Analytics.Ads;
using ClickTrace.Analytics.Funnels;
using ClickTrace.Analytics.Links;
using ClickTrace.Analytics.Overview;
using ClickTrace.Analytics.Pages;
using ClickTrace.Analytics.Paths;
using ClickTrace.Analytics.Reports;
using ClickTrace.Analytics.Sessions;
using ClickTrace.Core.Events;
using ClickTrace.Storage.Events;
using ClickTrace.Testing;
using ClickTrace.Traffic;

namespace ClickTrace.Analytics.Tests.Reports;

/// <summary>The edges: a range without events, and sessions of a single event, give zeros and empty lists, never an error or NaN.</summary>
public abstract class EmptyRangeTests(StoreKind kind) : MigratedDatabaseTest(kind)
{
    private static readonly FunnelDefinition Checkout = new(
        [new(FunnelStepKind.Page, Shop.Home), new(FunnelStepKind.Page, Shop.Cart), new(FunnelStepKind.Custom, Shop.Purchase)], TimeSpan.FromHours(1));

    public static TheoryData<string> Ranges => new() { "2020-01-01", "2026-11-05" };

    [Theory]
    [MemberData(nameof(Ranges))]
    public async Task Every_report_of_a_range_without_events_or_with_one_event_sessions_is_zeros_and_empty_lists(string day)
    {
        // On 2026-11-05: sessions of one page view each (bounces), no clicks, no funnel beyond its first step.
        var at = new DateTimeOffset(2026, 11, 5, 12, 0, 0, TimeSpan.Zero);
        await new ClickHouseEventWriter(Store).WriteAsync(Enumerable.Range(1, 3).Select(i => new TrackedEvent
        {
            EventId = Guid.NewGuid(), SiteId = "shop", Type = EventType.Pageview, Timestamp = at.AddMinutes(i), ReceivedAt = at,
            SessionId = (ulong)i, VisitorId = (ulong)i, Url = "https://shop.example/", Path = "/",
        }).ToList());
        var query = new ReportQuery("shop", ReportPeriod.TryResolve("custom", day, day, "Asia/Kolkata", at, out _)!);
        var events = day == "2026-11-05" ? 3 : 0;

        var overview = await new OverviewService(Store).GetAsync(query, compare: true);
        Assert.Equal(events, overview.Totals.Pageviews);
        Assert.Equal((events, events, events == 0 ? 0 : 1.0, TimeSpan.Zero), (overview.Visits.Sessions, overview.Visits.Bounces, overview.Visits.BounceRate, overview.Visits.AverageDuration));
        Assert.Equal(0, overview.Previous!.Totals.Pageviews);

        var funnel = await new FunnelService(Store).GetAsync(query, Checkout, breakdown: "device", compare: true);
        Assert.Equal([events, 0L, 0L], funnel.Steps.Select(s => s.Visitors));
        Assert.All(funnel.Steps, s => Assert.Null(s.MedianTimeFromPrevious));
        Assert.All(funnel.Steps, s => Assert.False(double.IsNaN(s.ConversionFromPrevious) || double.IsNaN(s.DropOffRate)));

        var abandonment = await new AbandonmentService(Store).GetAsync(query, Checkout, 1);
        Assert.Equal(events, abandonment.Abandoned);
        Assert.Equal(events == 0 ? [] : [(null, events)], abandonment.Destinations.Select(d => (d.Path, d.Visitors)));
        Assert.Empty(abandonment.Fields);

        Assert.Empty((await new LinksService(Store).GetAsync(query)).Links);
        var ads = await new AdsService(Store).GetAsync(query, null);
        Assert.Empty(ads.Campaigns.Concat(ads.Placements));

        var paths = await new PathsService(Store).GetAsync(query, "/", PathDirection.From);
        Assert.Equal((events, events), (paths.Sessions, paths.SessionsReachingPage));
        Assert.Equal(events == 0 ? null : 0.0, paths.MedianPagesBefore);
        Assert.Empty(paths.Backtracks);

        var page = await new PageService(Store).GetAsync(query, "/");
        Assert.Equal(events, page.Pageviews);
        Assert.Empty(page.Heat);
        Assert.All(page.Scroll, b => Assert.Equal((0L, 0.0), (b.Views, b.Share)));

        var sessions = await new SessionsService(Store).ForVisitorAsync(query, 1);
        Assert.Equal(events == 0 ? 0 : 1, sessions.Sessions.Count);
    }
}

public sealed class EmbeddedEmptyRangeTests() : EmptyRangeTests(StoreKind.Embedded);

public sealed class ServerEmptyRangeTests() : EmptyRangeTests(StoreKind.Server);
