using ClickTrace.Analytics.Overview;
using ClickTrace.Analytics.Reports;
using ClickTrace.Core.Events;
using ClickTrace.Storage.Events;
using ClickTrace.Testing;

namespace ClickTrace.Analytics.Tests.Overview;

public abstract class OverviewServiceTests(StoreKind kind) : MigratedDatabaseTest(kind)
{
    private static readonly DateTimeOffset Day = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var events = new List<TrackedEvent>();
        // Visitor 1: two sessions on day 1; visitor 2: one session on day 3; another site's events must not count.
        events.AddRange(Session("shop", visitor: 1, session: 10, Day.AddHours(9), ["/", "/products"], clicks: [("#buy", "Buy", "/cart")], country: "DE"));
        events.AddRange(Session("shop", visitor: 1, session: 11, Day.AddHours(20), ["/"], clicks: [("#buy", "Buy", "/cart"), ("nav > a", "Home", "/")], country: "DE"));
        events.AddRange(Session("shop", visitor: 2, session: 20, Day.AddDays(2).AddHours(8), ["/products", "/products"], clicks: [("#buy", "Buy", "/cart")], country: "FR"));
        events.AddRange(Session("other", visitor: 3, session: 30, Day.AddHours(9), ["/"], clicks: [("#buy", "Buy", "/cart")]));
        events.AddRange(Session("shop", visitor: 4, session: 40, Day.AddDays(-1), ["/old"], clicks: []));
        await new ClickHouseEventWriter(Store).WriteAsync(events);
    }

    private static IEnumerable<TrackedEvent> Session(
        string site, ulong visitor, ulong session, DateTimeOffset start, string[] pages, (string Selector, string Text, string Href)[] clicks, string country = "")
    {
        var at = start;
        foreach (var path in pages)
            yield return Event(site, visitor, session, at = at.AddMinutes(1), EventType.Pageview) with { Path = path, Url = "https://shop.example" + path, Country = country };
        foreach (var (selector, text, href) in clicks)
            yield return Event(site, visitor, session, at = at.AddMinutes(1), EventType.Click) with { Path = pages[^1], Selector = selector, Text = text, Href = href, Tag = "a", Country = country };
    }

    private static TrackedEvent Event(string site, ulong visitor, ulong session, DateTimeOffset at, EventType type) => new()
    {
        EventId = Guid.NewGuid(), SiteId = site, Type = type, Timestamp = at, ReceivedAt = at, SessionId = session, VisitorId = visitor,
    };

    private Task<OverviewReport> Overview(string tz = "UTC") =>
        new OverviewService(Store).GetAsync(new ReportQuery("shop", ReportPeriod.TryResolve("custom", "2026-11-20", "2026-11-22", tz, Day, out _)!));

    [Fact]
    public async Task Totals_count_visitors_sessions_pageviews_and_clicks_of_the_site_in_the_period()
    {
        var report = await Overview();

        Assert.Equal(new OverviewTotals(Visitors: 2, Sessions: 3, Pageviews: 5, Clicks: 4), report.Totals);
    }

    [Fact]
    public async Task Visits_count_bounces_and_the_average_time_from_first_to_last_event()
    {
        var report = await Overview();

        Assert.Equal(new VisitStats(Sessions: 3, Bounces: 1, BounceRate: 1.0 / 3, AverageDuration: TimeSpan.FromMinutes(2)), report.Visits);
    }

    [Fact]
    public async Task Breakdowns_count_sessions_by_entry_and_exit_page_and_leave_out_unknown_values()
    {
        var report = await Overview();

        Assert.Equal(OverviewShaping.Dimensions, report.Breakdowns.Select(b => b.Dimension));
        Assert.Equal([("/", 2L, 1L), ("/products", 1L, 1L)], report.Breakdowns.Single(b => b.Dimension == "entry").Rows.Select(r => (r.Value, r.Sessions, r.Visitors)));
        Assert.Equal([("/products", 2L, 2L), ("/", 1L, 1L)], report.Breakdowns.Single(b => b.Dimension == "exit").Rows.Select(r => (r.Value, r.Sessions, r.Visitors)));
        Assert.Empty(report.Breakdowns.Single(b => b.Dimension == "device").Rows);
    }

    [Fact]
    public async Task Countries_count_the_sessions_and_visitors_with_a_page_view_and_filter_every_number()
    {
        var period = ReportPeriod.TryResolve("custom", "2026-11-20", "2026-11-22", "UTC", Day, out _)!;
        var report = await Overview();
        var france = await new OverviewService(Store).GetAsync(new ReportQuery("shop", period, [new ReportFilter("country", "FR")]));

        Assert.Equal([("DE", 2L, 1L), ("FR", 1L, 1L)], report.Breakdowns.Single(b => b.Dimension == "country").Rows.Select(r => (r.Value, r.Sessions, r.Visitors)));
        Assert.Equal(new OverviewTotals(Visitors: 1, Sessions: 1, Pageviews: 2, Clicks: 1), france.Totals);
        Assert.Equal([("FR", 1L, 1L)], france.Breakdowns.Single(b => b.Dimension == "country").Rows.Select(r => (r.Value, r.Sessions, r.Visitors)));
    }

    [Fact]
    public async Task Live_visitors_are_those_with_an_event_in_the_last_five_minutes_by_the_clock()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Day.AddHours(9).AddMinutes(6));   // session 10's last click was at 9:05
        var period = ReportPeriod.TryResolve("custom", "2026-11-20", "2026-11-22", "UTC", Day, out _)!;

        var live = (await new OverviewService(Store, clock).GetAsync(new ReportQuery("shop", period))).LiveVisitors;
        clock.Advance(TimeSpan.FromMinutes(5));
        var later = (await new OverviewService(Store, clock).GetAsync(new ReportQuery("shop", period))).LiveVisitors;

        Assert.Equal((1, 0), (live, later));
    }

    [Fact]
    public async Task The_series_has_one_point_per_day_including_empty_days()
    {
        var report = await Overview();

        Assert.Equal([1L, 0L, 1L], report.Series.Select(p => p.Visitors));
        Assert.Equal([3L, 0L, 2L], report.Series.Select(p => p.Pageviews));
    }

    [Fact]
    public async Task Days_are_counted_in_the_requested_time_zone()
    {
        // 20:00 UTC on the 20th is already the 21st in Tokyo; 08:00 UTC on the 22nd is 17:00 there, still the 22nd.
        var report = await Overview("Asia/Tokyo");

        Assert.Equal([2L, 1L, 2L], report.Series.Select(p => p.Pageviews));
    }

    [Fact]
    public async Task Top_pages_are_ranked_by_page_views()
    {
        var report = await Overview();

        Assert.Equal([new PageRow("/products", 3, 2), new PageRow("/", 2, 1)], report.TopPages);
    }

    [Fact]
    public async Task Top_clicks_group_by_page_and_element()
    {
        var report = await Overview();

        var top = report.TopClicks[0];
        Assert.Equal(("/products", "#buy", "Buy", "/cart", 2L, 2L), (top.Path, top.Selector, top.Text, top.Href, top.Clicks, top.Visitors));
        Assert.Equal(3, report.TopClicks.Count);
    }

    [Fact]
    public async Task A_hostile_site_key_is_just_a_value()
    {
        var report = await new OverviewService(Store).GetAsync(
            new ReportQuery("shop' OR '1'='1", ReportPeriod.TryResolve("custom", "2026-11-20", "2026-11-22", "UTC", Day, out _)!));

        Assert.Equal(new OverviewTotals(0, 0, 0, 0), report.Totals);
    }
}

public sealed class EmbeddedOverviewServiceTests() : OverviewServiceTests(StoreKind.Embedded);

public sealed class ServerOverviewServiceTests() : OverviewServiceTests(StoreKind.Server);
