using ClickTrace.Analytics.Reports;
using ClickTrace.Analytics.Sessions;
using ClickTrace.Core.Events;
using ClickTrace.Storage.Events;
using ClickTrace.Testing;
using ClickTrace.Traffic;

namespace ClickTrace.Analytics.Tests.Sessions;

public abstract class SessionsServiceTests(StoreKind kind) : MigratedDatabaseTest(kind)
{
    private static readonly ReportPeriod Days = ReportPeriod.TryResolve("custom", "2026-11-01", "2026-11-07", "UTC", DateTimeOffset.UtcNow, out _)!;

    [Fact]
    public async Task A_returning_visitors_sessions_are_their_events_in_time_order_newest_session_first_without_impressions()
    {
        var events = ShopTraffic.Generate(new ShopTrafficOptions { Seed = 31, Visitors = 300 }).ToList();
        await new ClickHouseEventWriter(Store).WriteAsync(events);
        var visitor = events.GroupBy(e => e.VisitorId).First(v => v.Select(e => e.SessionId).Distinct().Count() == 2 && v.Count() > 20).Key;

        var report = await new SessionsService(Store).ForVisitorAsync(new ReportQuery("shop", Days), visitor);

        var expected = events.Where(e => e.VisitorId == visitor && e.Type != EventType.Impression && e.Timestamp >= Days.From && e.Timestamp < Days.To)
            .GroupBy(e => e.SessionId)
            .Select(s => s.OrderBy(e => e.Timestamp.ToUnixTimeMilliseconds()).ThenBy(e => e.Type.Name(), StringComparer.Ordinal).ThenBy(e => e.Path, StringComparer.Ordinal).ToList())
            .OrderByDescending(s => s[0].Timestamp).ToList();
        Assert.False(report.Truncated);
        Assert.Equal(SessionsShaping.Hex(visitor), report.VisitorId);
        Assert.Equal(expected.Select(s => SessionsShaping.Hex(s[0].SessionId)), report.Sessions.Select(s => s.SessionId));
        Assert.Equal(expected.SelectMany((s, i) => s.Select(e => (i, e.Timestamp.ToUnixTimeMilliseconds(), e.Type.Name(), e.Path, e.Selector, e.Name, (long)e.DurationMs, e.Revenue))).ToList(),
            report.Sessions.SelectMany((s, i) => s.Events.Select(e => (i, e.At.ToUnixTimeMilliseconds(), e.Type, e.Path, e.Selector, e.Name, e.DurationMs, e.Revenue))).ToList());
        Assert.Equal(expected.Select(s => s.Count(e => e.Type == EventType.Pageview)), report.Sessions.Select(s => s.Pageviews));
    }

    [Fact]
    public async Task More_events_than_shown_leaves_out_the_oldest_and_says_so()
    {
        var start = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
        var clicks = Enumerable.Range(0, SessionsService.MaxEvents + 2).Select(i => new TrackedEvent
        {
            EventId = Guid.NewGuid(), SiteId = "busy", Type = EventType.Click, Timestamp = start.AddSeconds(i), ReceivedAt = start,
            SessionId = 7, VisitorId = 9, Url = "https://x.example/", Path = "/", Selector = $"#b{i}",
        }).ToList();
        await new ClickHouseEventWriter(Store).WriteAsync(clicks);

        var report = await new SessionsService(Store).ForVisitorAsync(new ReportQuery("busy", Days), 9);

        Assert.True(report.Truncated);
        var session = Assert.Single(report.Sessions);
        Assert.Equal(SessionsService.MaxEvents, session.Events.Count);
        Assert.Equal(("#b2", $"#b{SessionsService.MaxEvents + 1}"), (session.Events[0].Selector, session.Events[^1].Selector));
    }

    [Fact]
    public async Task A_customer_is_every_visitor_identified_as_them()
    {
        var at = new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.Zero);
        TrackedEvent Event(ulong visitor, EventType type, string name, int minutes) => new()
        {
            EventId = Guid.NewGuid(), SiteId = "ident", Type = type, Timestamp = at.AddMinutes(minutes), ReceivedAt = at,
            SessionId = visitor * 10, VisitorId = visitor, Url = "https://x.example/", Path = "/", Name = name,
        };
        await new ClickHouseEventWriter(Store).WriteAsync([
            Event(1, EventType.Pageview, "", 0), Event(1, EventType.Identify, "cust-42", 1),      // on the laptop
            Event(2, EventType.Pageview, "", 60), Event(2, EventType.Identify, "cust-42", 61),    // on the phone
            Event(3, EventType.Pageview, "", 5), Event(3, EventType.Identify, "cust-7", 6),       // someone else
        ]);

        var report = await new SessionsService(Store).ForCustomerAsync(new ReportQuery("ident", Days), "cust-42");

        Assert.Equal(("cust-42", (string?)null), (report.CustomerId, report.VisitorId));
        Assert.Equal([SessionsShaping.Hex(2), SessionsShaping.Hex(1)], report.Sessions.Select(s => s.VisitorId));
        Assert.All(report.Sessions, s => Assert.Equal(["pageview", "identify"], s.Events.Select(e => e.Type)));
    }
}

public sealed class EmbeddedSessionsServiceTests() : SessionsServiceTests(StoreKind.Embedded);

public sealed class ServerSessionsServiceTests() : SessionsServiceTests(StoreKind.Server);
