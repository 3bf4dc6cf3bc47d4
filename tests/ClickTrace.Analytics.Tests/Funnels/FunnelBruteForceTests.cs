using ClickTrace.Analytics.Funnels;
using ClickTrace.Analytics.Reports;
using ClickTrace.Core.Events;
using ClickTrace.Storage.Events;
using ClickTrace.Testing;
using ClickTrace.Traffic;

namespace ClickTrace.Analytics.Tests.Funnels;

/// <summary>The engine's funnel against <see cref="BruteForceFunnel"/> on generated shop traffic, several seeds and shapes.</summary>
public abstract class FunnelBruteForceTests(StoreKind kind) : MigratedDatabaseTest(kind)
{
    private static readonly FunnelDefinition Checkout = new(
    [
        new(FunnelStepKind.Page, Shop.Home),
        new(FunnelStepKind.Page, Shop.ProductPrefix + "*"),
        new(FunnelStepKind.Step, "cart"),
        new(FunnelStepKind.AnyOf, AnyOf: [new(FunnelStepKind.Step, "checkout-details"), new(FunnelStepKind.Page, Shop.Details)]),
        new(FunnelStepKind.ClickSelector, Shop.PayButton),
        new(FunnelStepKind.Custom, Shop.Purchase),
    ], TimeSpan.FromMinutes(30));

    public static TheoryData<int, string, FunnelOrder> Cases => new()
    {
        { 1, "30m", FunnelOrder.Ordered },
        { 2, "30m", FunnelOrder.Strict },
        { 3, "2m", FunnelOrder.Ordered },
        { 4, "7d", FunnelOrder.Ordered },
        { 5, "7d", FunnelOrder.Strict },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_engine_agrees_with_a_brute_force_count_on_generated_traffic(int seed, string window, FunnelOrder order)
    {
        var events = ShopTraffic.Generate(new ShopTrafficOptions { Seed = seed, Visitors = 1500, Days = 3 }).ToList();
        await new ClickHouseEventWriter(Store).WriteAsync(events);
        var funnel = Checkout with { Window = Window(window), Order = order };
        // Two of the three days, in Berlin time: visitors and steps across the range's edges are cut off.
        var period = ReportPeriod.TryResolve("custom", "2026-11-01", "2026-11-02", "Europe/Berlin", DateTimeOffset.UtcNow, out _)!;

        var report = await new FunnelService(Store).GetAsync(new ReportQuery("shop", period), funnel);
        var expected = BruteForceFunnel.Compute(events, funnel, period.From, period.To, "shop");

        Assert.True(expected.Entered > 500, $"only {expected.Entered} visitors entered");
        // Cases that test something: carts reached, and with a window that is not tight, purchases.
        Assert.True(expected.Reached[2] > 50, $"only {expected.Reached[2]} visitors reached the cart");
        if (funnel.Window >= TimeSpan.FromMinutes(30)) Assert.True(expected.Reached[^1] > 10, $"only {expected.Reached[^1]} visitors bought");
        Assert.Equal(expected.Entered, report.Entered);
        Assert.Equal(expected.Reached, report.Steps.Select(s => s.Visitors));
        Assert.Equal(expected.MedianMs, report.Steps.Skip(1).Select(s => s.MedianTimeFromPrevious?.TotalMilliseconds));
    }

    [Fact]
    public async Task A_breakdown_by_campaign_content_counts_each_visitors_first_value_and_the_previous_period_is_the_days_before()
    {
        var events = ShopTraffic.Generate(new ShopTrafficOptions { Seed = 6, Visitors = 3000, Days = 6 }).ToList();
        await new ClickTrace.Storage.Events.ClickHouseEventWriter(Store).WriteAsync(events);
        var period = ReportPeriod.TryResolve("custom", "2026-11-04", "2026-11-06", "UTC", DateTimeOffset.UtcNow, out _)!;

        var report = await new FunnelService(Store).GetAsync(new ReportQuery("shop", period), Checkout, breakdown: "content", compare: true);

        var inRange = events.Where(e => e.Timestamp >= period.From && e.Timestamp < period.To).ToList();
        var firstContent = inRange.GroupBy(e => e.VisitorId)
            .ToDictionary(v => v.Key, v => v.Where(e => e.UtmContent != "").MinBy(e => e.Timestamp)?.UtmContent ?? "");
        var expected = firstContent.GroupBy(v => v.Value).Select(g =>
            {
                var result = BruteForceFunnel.Compute(inRange.Where(e => firstContent[e.VisitorId] == g.Key), Checkout, period.From, period.To, "shop");
                return (Value: g.Key, result.Entered, Reached: string.Join(",", result.Reached));
            })
            .Where(r => r.Entered > 0).OrderBy(r => r.Value, StringComparer.Ordinal).ToList();
        Assert.Equal(3, expected.Count);   // no campaign, content a, content b
        Assert.Equal(expected, report.Breakdown!.Rows.Select(r => (r.Value, r.Entered, Reached: string.Join(",", r.Visitors))).OrderBy(r => r.Value, StringComparer.Ordinal));
        Assert.Equal(report.Entered, report.Breakdown.Rows.Sum(r => r.Entered));

        var before = BruteForceFunnel.Compute(events, Checkout, period.Previous().From, period.Previous().To, "shop");
        Assert.Equal((period.Previous().From, before.Entered), (report.Previous!.From, report.Previous.Entered));
        Assert.Equal(before.Reached, report.Previous.Visitors);
    }

    private static TimeSpan Window(string text) => text[^1] == 'm' ? TimeSpan.FromMinutes(int.Parse(text[..^1])) : TimeSpan.FromDays(int.Parse(text[..^1]));
}

public sealed class EmbeddedFunnelBruteForceTests() : FunnelBruteForceTests(StoreKind.Embedded);

public sealed class ServerFunnelBruteForceTests() : FunnelBruteForceTests(StoreKind.Server);
