using ClickTrace.Analytics.Abandonment;
using ClickTrace.Analytics.Ads;
using ClickTrace.Analytics.Funnels;
using ClickTrace.Analytics.Links;
using ClickTrace.Analytics.Overview;
using ClickTrace.Analytics.Pages;
using ClickTrace.Analytics.Paths;
using ClickTrace.Analytics.Reports;
using ClickTrace.Analytics.Sessions;
using ClickTrace.Analytics.Tests.Funnels;
using ClickTrace.Core.Events;
using ClickTrace.Storage.Events;
using ClickTrace.Testing;
using ClickTrace.Traffic;

namespace ClickTrace.Analytics.Tests.Reports;

/// <summary>Every report honours the dimension filters: a filter nothing matches empties each; a campaign filter keeps exactly its sessions.</summary>
public abstract class FilteredReportsTests(StoreKind kind) : MigratedDatabaseTest(kind)
{
    private static readonly ReportPeriod Days = ReportPeriod.TryResolve("custom", "2026-11-01", "2026-11-03", "UTC", DateTimeOffset.UtcNow, out _)!;

    private static readonly FunnelDefinition Checkout = new(
    [
        new(FunnelStepKind.Page, Shop.Home),
        new(FunnelStepKind.Page, Shop.ProductPrefix + "*"),
        new(FunnelStepKind.Step, "cart"),
        new(FunnelStepKind.Custom, Shop.Purchase),
    ], TimeSpan.FromHours(1));

    [Theory]
    [InlineData("device:tablet")]
    [InlineData("prop.plan:pro")]
    [InlineData("page:/nowhere/*")]
    public async Task A_filter_that_matches_nothing_empties_every_report(string filter)
    {
        var events = ShopTraffic.Generate(new ShopTrafficOptions { Seed = 61, Visitors = 400, Days = 3 }).ToList();
        await new ClickHouseEventWriter(Store).WriteAsync(events);
        var query = new ReportQuery("shop", Days, [ReportFilter.TryParse(filter, out _)!]);
        var some = events.First(e => e.Timestamp >= Days.From && e.Timestamp < Days.To).VisitorId;

        Assert.Equal(0, (await new OverviewService(Store).GetAsync(query)).Totals.Visitors);
        Assert.Equal(0, (await new FunnelService(Store).GetAsync(query, Checkout)).Entered);
        Assert.Equal(0, (await new AbandonmentService(Store).GetAsync(query, Checkout, 2)).Abandoned);
        Assert.Empty((await new LinksService(Store).GetAsync(query)).Links);
        var ads = await new AdsService(Store).GetAsync(query, null);
        Assert.Empty(ads.Campaigns.Concat(ads.Placements));
        Assert.Equal(0, (await new PathsService(Store).GetAsync(query, "/", PathDirection.From)).Sessions);
        Assert.Equal(0, (await new PageService(Store).GetAsync(query, "/*")).Pageviews);
        Assert.Empty((await new SessionsService(Store).ForVisitorAsync(query, some)).Sessions);
        // The same reports without the filter have something to show.
        Assert.True((await new OverviewService(Store).GetAsync(query with { Filters = null })).Totals.Visitors > 100);
    }

    [Fact]
    public async Task A_campaign_filter_keeps_exactly_the_sessions_that_landed_from_it()
    {
        var events = ShopTraffic.Generate(new ShopTrafficOptions { Seed = 62, Visitors = 1500, Days = 3 }).ToList();
        await new ClickHouseEventWriter(Store).WriteAsync(events);
        var query = new ReportQuery("shop", Days, [new("campaign", Shop.Newsletter.Campaign), new("device", "desktop")]);

        var overview = await new OverviewService(Store).GetAsync(query);
        var funnel = await new FunnelService(Store).GetAsync(query, Checkout);

        var inRange = events.Where(e => e.Timestamp >= Days.From && e.Timestamp < Days.To).ToList();
        var sessions = inRange.Where(e => e.UtmCampaign == Shop.Newsletter.Campaign).Select(e => e.SessionId).ToHashSet();
        var kept = inRange.Where(e => sessions.Contains(e.SessionId)).ToList();
        Assert.True(sessions.Count > 50, $"only {sessions.Count} campaign sessions");
        Assert.Equal((long)sessions.Count, overview.Totals.Sessions, tolerance: sessions.Count / 50.0);   // uniq is an estimate
        Assert.Equal(kept.Count(e => e.Type == EventType.Pageview), overview.Totals.Pageviews);
        var expected = BruteForceFunnel.Compute(kept, Checkout, Days.From, Days.To, "shop");
        Assert.Equal(expected.Reached, funnel.Steps.Select(s => s.Visitors));
    }
}

public sealed class EmbeddedFilteredReportsTests() : FilteredReportsTests(StoreKind.Embedded);

public sealed class ServerFilteredReportsTests() : FilteredReportsTests(StoreKind.Server);
