using ClickTrace.Analytics.Funnels;
using ClickTrace.Analytics.Reports;
using ClickTrace.Core.Events;
using ClickTrace.Storage.Events;
using ClickTrace.Testing;

namespace ClickTrace.Analytics.Tests.Funnels;

/// <summary>The funnel query on the real engine, with hand-made visitors for each rule.</summary>
public abstract class FunnelServiceTests(StoreKind kind) : MigratedDatabaseTest(kind)
{
    private static readonly DateTimeOffset Day = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private readonly List<TrackedEvent> _events = [];

    private static readonly FunnelDefinition Checkout = new(
    [
        new(FunnelStepKind.Page, "/"),
        new(FunnelStepKind.Page, "/product/*"),
        new(FunnelStepKind.Step, "checkout-details"),
        new(FunnelStepKind.AnyOf, AnyOf: [new(FunnelStepKind.ClickSelector, "#pay"), new(FunnelStepKind.ClickText, "Pay now")]),
        new(FunnelStepKind.Custom, "purchase"),
    ], TimeSpan.FromHours(1));

    private void Add(ulong visitor, int seconds, EventType type, string path = "/", string name = "", string selector = "", string text = "") =>
        _events.Add(new TrackedEvent
        {
            EventId = Guid.NewGuid(), SiteId = "shop", Type = type, Timestamp = Day.AddSeconds(seconds), ReceivedAt = Day,
            SessionId = visitor, VisitorId = visitor, Path = path, Name = name, Selector = selector, Text = text,
        });

    private async Task<FunnelReport> RunAsync(FunnelDefinition funnel)
    {
        await new ClickHouseEventWriter(Store).WriteAsync(_events);
        var period = ReportPeriod.TryResolve("custom", "2026-11-20", "2026-11-21", "UTC", Day, out _)!;
        return await new FunnelService(Store).GetAsync(new ReportQuery("shop", period), funnel);
    }

    [Fact]
    public async Task Each_step_counts_the_visitors_who_reached_it_in_order_within_the_window()
    {
        // 1: the whole way, 10 s between steps; 2: stops after the product page; 3: pays by the button's text
        // but buys after the window; 4: starts on a product page (never enters); 5: the details step before
        // the home page, then a page that is not a product page (enters, no further).
        Add(1, 0, EventType.Pageview, "/"); Add(1, 10, EventType.Pageview, "/product/mug"); Add(1, 20, EventType.Step, name: "checkout-details");
        Add(1, 30, EventType.Click, selector: "#pay"); Add(1, 40, EventType.Custom, name: "purchase");
        Add(2, 0, EventType.Pageview, "/"); Add(2, 30, EventType.Pageview, "/product/cup");
        Add(3, 0, EventType.Pageview, "/"); Add(3, 60, EventType.Pageview, "/product/mug"); Add(3, 120, EventType.Step, name: "checkout-details");
        Add(3, 180, EventType.Click, selector: "button", text: "Pay now"); Add(3, 4000, EventType.Custom, name: "purchase");
        Add(4, 0, EventType.Pageview, "/product/mug"); Add(4, 5, EventType.Step, name: "checkout-details");
        Add(5, 0, EventType.Step, name: "checkout-details"); Add(5, 5, EventType.Pageview, "/"); Add(5, 9, EventType.Pageview, "/products");

        var report = await RunAsync(Checkout);

        Assert.Equal(4, report.Entered);
        Assert.Equal([4L, 3L, 2L, 2L, 1L], report.Steps.Select(s => s.Visitors));
        Assert.Equal([1, 0.75, 0.5, 0.5, 0.25], report.Steps.Select(s => s.ConversionFromStart));
        Assert.Equal([1, 0.75, 2.0 / 3, 1, 0.5], report.Steps.Select(s => s.ConversionFromPrevious));
        Assert.Equal([1L, 1L, 0L, 1L, 0L], report.Steps.Select(s => s.DropOff));
        Assert.Equal(0.5, report.Steps[3].DropOffRate);
        Assert.Null(report.Steps[0].MedianTimeFromPrevious);
        // Product page after the home page: 10 s (visitor 1), 30 s (2), 60 s (3): the median is 30 s.
        Assert.Equal(TimeSpan.FromSeconds(30), report.Steps[1].MedianTimeFromPrevious);
        Assert.Equal(TimeSpan.FromSeconds(10), report.Steps[4].MedianTimeFromPrevious);
        Assert.Equal(["/", "/product/*", "step checkout-details", "click #pay or click \"Pay now\"", "event purchase"], report.Steps.Select(s => s.Name));
    }

    [Fact]
    public async Task Strict_order_stops_at_a_later_step_seen_too_early()
    {
        // A later step (the details step) comes before the product page: strict order stops there.
        Add(1, 0, EventType.Pageview, "/"); Add(1, 5, EventType.Step, name: "checkout-details"); Add(1, 10, EventType.Pageview, "/product/mug");
        Add(1, 20, EventType.Step, name: "checkout-details");

        var ordered = await RunAsync(Checkout);
        var strict = await new FunnelService(Store).GetAsync(
            new ReportQuery("shop", ReportPeriod.TryResolve("custom", "2026-11-20", "2026-11-21", "UTC", Day, out _)!), Checkout with { Order = FunnelOrder.Strict });

        Assert.Equal([1L, 1L, 1L, 0L, 0L], ordered.Steps.Select(s => s.Visitors));
        Assert.Equal([1L, 0L, 0L, 0L, 0L], strict.Steps.Select(s => s.Visitors));
    }

    [Fact]
    public async Task Wildcards_match_paths_and_like_characters_in_a_path_are_taken_literally()
    {
        Add(1, 0, EventType.Pageview, "/"); Add(1, 5, EventType.Pageview, "/sale_100%");
        Add(2, 0, EventType.Pageview, "/"); Add(2, 5, EventType.Pageview, "/saleX100X");
        var funnel = new FunnelDefinition([new(FunnelStepKind.Page, "/"), new(FunnelStepKind.Page, "/sale_100%*")], TimeSpan.FromMinutes(1));

        var report = await RunAsync(funnel);

        Assert.Equal([2L, 1L], report.Steps.Select(s => s.Visitors));
    }

    [Fact]
    public async Task Twenty_steps_keep_their_order_and_times_late_in_a_long_period()
    {
        // Every step's bit and a time 29 days into a 30-day period share the number each match is packed into.
        // Visitor 1 takes the 20 steps 2 s apart, visitor 2 the first 19, 4 s apart; visitor 3 sends step 1 and 2
        // in the same millisecond (one after the other) and then step 3 a minute later.
        var steps = Enumerable.Range(1, 20).Select(i => new FunnelStep(FunnelStepKind.Step, $"s{i}")).ToList();
        for (var i = 1; i <= 20; i++) Add(1, 2 * i, EventType.Step, name: $"s{i}");
        for (var i = 1; i <= 19; i++) Add(2, 4 * i, EventType.Step, name: $"s{i}");
        Add(3, 0, EventType.Step, name: "s1"); Add(3, 0, EventType.Step, name: "s2"); Add(3, 60, EventType.Step, name: "s3");
        await new ClickHouseEventWriter(Store).WriteAsync(_events);
        // The events are on the period's last day, 29 days and 10 hours after its start.
        var period = ReportPeriod.TryResolve("custom", "2026-10-22", "2026-11-20", "UTC", Day, out _)!;

        var report = await new FunnelService(Store).GetAsync(new ReportQuery("shop", period), new FunnelDefinition(steps, TimeSpan.FromHours(1)));

        Assert.Equal([3L, 3L, 3L, .. Enumerable.Repeat(2L, 16), 1L], report.Steps.Select(s => s.Visitors));
        // Medians of an even count are the upper one (ClickHouse's medianExact): 0 and 2 s, then 60 and 2/4 s.
        Assert.Equal(TimeSpan.FromSeconds(2), report.Steps[1].MedianTimeFromPrevious);
        Assert.Equal(TimeSpan.FromSeconds(4), report.Steps[2].MedianTimeFromPrevious);
        Assert.Equal(TimeSpan.FromSeconds(4), report.Steps[18].MedianTimeFromPrevious);
        Assert.Equal(TimeSpan.FromSeconds(2), report.Steps[19].MedianTimeFromPrevious);
    }

    [Fact]
    public async Task An_empty_period_gives_zeros_and_no_times()
    {
        var report = await RunAsync(Checkout);

        Assert.Equal(0, report.Entered);
        Assert.All(report.Steps, s => Assert.Equal((0L, 0.0, null), (s.Visitors, s.ConversionFromStart, s.MedianTimeFromPrevious)));
    }
}

public sealed class EmbeddedFunnelServiceTests() : FunnelServiceTests(StoreKind.Embedded);

public sealed class ServerFunnelServiceTests() : FunnelServiceTests(StoreKind.Server);
