using System.Text.Json;
using ClickTrace.Analytics.Ads;
using ClickTrace.Analytics.Funnels;
using ClickTrace.Analytics.Links;
using ClickTrace.Analytics.Overview;
using ClickTrace.Analytics.Pages;
using ClickTrace.Analytics.Paths;
using ClickTrace.Analytics.Reports;
using ClickTrace.Analytics.Sessions;
using ClickTrace.Storage.Events;
using ClickTrace.Testing;
using ClickTrace.Traffic;

namespace ClickTrace.Server.Tests.Components.Shared;

/// <summary>
/// Every report a page hands from its prerender to its circuit (ReportPage.OncePerViewAsync) comes through JSON,
/// with the options the page state uses, as it went in: computed on generated traffic in the embedded engine.
/// </summary>
public sealed class ReportHandoverTests() : MigratedDatabaseTest(StoreKind.Embedded)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ReportQuery Query = new("shop", ReportPeriod.TryResolve("custom", "2026-11-01", "2026-11-02", "UTC", Start, out _)!);
    private static readonly JsonSerializerOptions PageState = new(JsonSerializerDefaults.Web);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await new ClickHouseEventWriter(Store).WriteAsync(ShopTraffic.Generate(new ShopTrafficOptions { Seed = 12, Visitors = 300, Days = 2, Start = Start }).ToList());
    }

    [Fact]
    public async Task Each_page_report_comes_through_the_page_state_as_it_went_in()
    {
        var funnel = new FunnelDefinition([new(FunnelStepKind.Page, Shop.Home), new(FunnelStepKind.Step, "cart"), new(FunnelStepKind.Custom, Shop.Purchase)], TimeSpan.FromHours(1));
        var visitor = Convert.ToUInt64((await Store.QueryAsync("SELECT visitor_id FROM events ORDER BY timestamp LIMIT 1")).Scalar(), System.Globalization.CultureInfo.InvariantCulture);
        var sessions = await new SessionsService(Store).ForVisitorAsync(Query, visitor);
        AssertRoundTrip(await new OverviewService(Store).GetAsync(Query, compare: true));
        AssertRoundTrip(await new FunnelService(Store).GetAsync(Query, funnel, breakdown: "device", compare: true));
        AssertRoundTrip(await new LinksService(Store).GetAsync(Query));
        AssertRoundTrip(await new AdsService(Store).GetAsync(Query, new FunnelStep(FunnelStepKind.Custom, Shop.Purchase)));
        AssertRoundTrip(await new PathsService(Store).GetAsync(Query, Shop.Home, PathDirection.From));
        AssertRoundTrip(await new PageService(Store).GetAsync(Query, Shop.Home));
        AssertRoundTrip(sessions);
    }

    private static void AssertRoundTrip<T>(T report)
    {
        var json = JsonSerializer.Serialize(report, PageState);
        Assert.Equal(json, JsonSerializer.Serialize(JsonSerializer.Deserialize<T>(json, PageState), PageState));
        Assert.True(json.Length > 200, $"{typeof(T).Name} is nearly empty: the round trip would prove little ({json})");
    }
}
