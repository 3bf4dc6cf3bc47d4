using ClickTrace.Analytics.Abandonment;
using ClickTrace.Analytics.Funnels;
using ClickTrace.Analytics.Reports;
using ClickTrace.Core.Events;
using ClickTrace.Storage.Events;
using ClickTrace.Testing;
using ClickTrace.Traffic;

namespace ClickTrace.Analytics.Tests.Abandonment;

/// <summary>The engine's abandonment drill-down against <see cref="BruteForceAbandonment"/> on generated shop traffic.</summary>
public abstract class AbandonmentBruteForceTests(StoreKind kind) : MigratedDatabaseTest(kind)
{
    private static readonly FunnelDefinition Checkout = new(
    [
        new(FunnelStepKind.Page, Shop.Home),
        new(FunnelStepKind.Page, Shop.ProductPrefix + "*"),
        new(FunnelStepKind.Step, "cart"),
        new(FunnelStepKind.AnyOf, AnyOf: [new(FunnelStepKind.Step, "checkout-details"), new(FunnelStepKind.Page, Shop.Details)]),
        new(FunnelStepKind.Page, Shop.Payment),
        new(FunnelStepKind.Custom, Shop.Purchase),
    ], TimeSpan.FromMinutes(30));

    public static TheoryData<int, int, FunnelOrder> Cases => new()
    {
        { 11, 2, FunnelOrder.Ordered },   // product page → cart: they go back, browse or leave
        { 12, 3, FunnelOrder.Ordered },   // cart → details: the rage clicks on the coupon button
        { 13, 4, FunnelOrder.Ordered },   // details → payment: the form abandoned
        { 14, 4, FunnelOrder.Strict },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_engine_agrees_with_a_brute_force_drill_down_on_generated_traffic(int seed, int step, FunnelOrder order)
    {
        var events = ShopTraffic.Generate(new ShopTrafficOptions { Seed = seed, Visitors = 1500, Days = 3 }).ToList();
        await new ClickHouseEventWriter(Store).WriteAsync(events);
        var funnel = Checkout with { Order = order };
        var period = ReportPeriod.TryResolve("custom", "2026-11-01", "2026-11-02", "Europe/Berlin", DateTimeOffset.UtcNow, out _)!;

        var report = await new AbandonmentService(Store).GetAsync(new ReportQuery("shop", period), funnel, step);
        var expected = BruteForceAbandonment.Compute(events, funnel, step, period.From, period.To, "shop");

        Assert.True(expected.Abandoned > 50, $"only {expected.Abandoned} visitors abandoned step {step}");
        Assert.Equal(expected.Abandoned, report.Abandoned);
        Assert.Equal(
            expected.Destinations.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => (d.Key, d.Value)),
            report.Destinations.OrderBy(d => d.Path ?? "", StringComparer.Ordinal).Select(d => (d.Path ?? "", d.Visitors)));
        Assert.Equal(
            expected.Fields.Where(f => f.Key != "").OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value, expected.FieldMedianMs[f.Key])),
            report.Fields.OrderBy(f => f.Field, StringComparer.Ordinal).Select(f => (f.Field, f.Visitors, f.MedianTime.TotalMilliseconds)));
        Assert.Equal(
            expected.Clicks.OrderBy(c => c.Key.Type, StringComparer.Ordinal).ThenBy(c => c.Key.Selector, StringComparer.Ordinal)
                .Select(c => (c.Key.Type, c.Key.Selector, c.Value, expected.Visitors[c.Key])),
            report.Frustration.OrderBy(f => f.Type, StringComparer.Ordinal).ThenBy(f => f.Selector, StringComparer.Ordinal)
                .Select(f => (f.Type, f.Selector, f.Clicks, f.Visitors)));
        Assert.Equal(Math.Min(AbandonmentSql.SampleSize, expected.Abandoned), report.Sessions.Count);
        foreach (var sample in report.Sessions)
        {
            var (session, reachedAt) = expected.ByVisitor[Convert.ToUInt64(sample.VisitorId, 16)];
            Assert.Equal((session, reachedAt), (Convert.ToUInt64(sample.SessionId, 16), sample.ReachedAt.ToUnixTimeMilliseconds()));
        }
        Assert.Equal(report.Abandoned, report.Destinations.Sum(d => d.Visitors));
        // The planted truths show where they are: the rage clicks on the cart, the abandoned form on the details page.
        if (step == 3) Assert.Equal(("rage", Shop.RageButton), (report.Frustration[0].Type, report.Frustration[0].Selector));
        if (step == 4) Assert.True(report.Fields.Count >= 3 && report.Fields.Sum(f => f.Visitors) > report.Abandoned / 2, "the abandoned fields are missing");
        if (step != 4) Assert.Empty(report.Fields);
    }

    [Fact]
    public async Task Events_in_the_same_millisecond_as_the_next_page_view_split_as_in_one_sorted_session()
    {
        // Sorted by (time, type, path, ...): at the moment of the next page view, a field event ('field' sorts
        // before 'pageview') still belongs to the step's page and a rage click ('rage' sorts after) does not;
        // of two page views in one millisecond the first path is the destination. Visitor 2 reaches the step
        // and sends nothing else; visitor 3 goes on to the next step and is not counted.
        var day = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
        var events = new List<TrackedEvent>();
        void Add(ulong visitor, int ms, EventType type, string path = "/", string name = "", string selector = "", uint duration = 0) =>
            events.Add(new TrackedEvent
            {
                EventId = Guid.NewGuid(), SiteId = "shop", Type = type, Timestamp = day.AddMilliseconds(ms), ReceivedAt = day,
                SessionId = visitor * 10, VisitorId = visitor, Path = path, Name = name, Selector = selector, DurationMs = duration,
            });
        var funnel = new FunnelDefinition([new(FunnelStepKind.Page, "/cart"), new(FunnelStepKind.Custom, Shop.Purchase)], TimeSpan.FromHours(1));
        Add(1, 0, EventType.Pageview, "/cart"); Add(1, 500, EventType.Field, "/cart", "email", duration: 4000);
        Add(1, 9000, EventType.Field, "/cart", "coupon", duration: 1200); Add(1, 9000, EventType.Rage, "/cart", selector: "#apply");
        Add(1, 9000, EventType.Pageview, "/products"); Add(1, 9000, EventType.Pageview, "/about");
        Add(2, 0, EventType.Pageview, "/cart");
        Add(3, 0, EventType.Pageview, "/cart"); Add(3, 100, EventType.Custom, "/cart", Shop.Purchase);
        await new ClickHouseEventWriter(Store).WriteAsync(events);
        var period = ReportPeriod.TryResolve("custom", "2026-11-20", "2026-11-20", "UTC", day, out _)!;

        var report = await new AbandonmentService(Store).GetAsync(new ReportQuery("shop", period), funnel, 1);
        var expected = BruteForceAbandonment.Compute(events, funnel, 1, period.From, period.To, "shop");

        Assert.Equal(2, report.Abandoned);
        Assert.Equal([("/about", 1L), ("", 1L)], report.Destinations.OrderBy(d => d.Path is null).Select(d => (d.Path ?? "", d.Visitors)));
        Assert.Equal([("coupon", 1L, 1200.0)], report.Fields.Select(f => (f.Field, f.Visitors, f.MedianTime.TotalMilliseconds)));
        Assert.Empty(report.Frustration);
        Assert.Equal(expected.Abandoned, report.Abandoned);
        Assert.Equal(expected.Destinations.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => (d.Key, d.Value)),
            report.Destinations.OrderBy(d => d.Path ?? "", StringComparer.Ordinal).Select(d => (d.Path ?? "", d.Visitors)));
        Assert.Empty(expected.Clicks);
    }
}

public sealed class EmbeddedAbandonmentBruteForceTests() : AbandonmentBruteForceTests(StoreKind.Embedded);

public sealed class ServerAbandonmentBruteForceTests() : AbandonmentBruteForceTests(StoreKind.Server);
