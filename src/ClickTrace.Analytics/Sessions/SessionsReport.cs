namespace ClickTrace.Analytics.Sessions;

/// <summary>
/// One visitor's (or identified customer's) sessions over a period, newest first, each a time line of its
/// events (link impressions left out: they are many and say little one by one). Ids are 16 hex digits.
/// <see cref="Truncated"/>: there were more than <see cref="SessionsService.MaxEvents"/> events; the oldest are left out.
/// </summary>
public sealed record SessionsReport(
    string SiteId, DateTimeOffset From, DateTimeOffset To, string? VisitorId, string? CustomerId, bool Truncated, IReadOnlyList<SessionTimeline> Sessions);

/// <summary>A session: its visitor, first and last event, page views, and the events in time order.</summary>
public sealed record SessionTimeline(
    string SessionId, string VisitorId, DateTimeOffset Start, DateTimeOffset End, TimeSpan Duration, int Pageviews, IReadOnlyList<TimelineEvent> Events);

/// <summary>One event of a time line, with the fields its type uses (empty otherwise).</summary>
public sealed record TimelineEvent(
    DateTimeOffset At, string Type, string Path, string Title, string Selector, string Text, string Href, string Name, long DurationMs, decimal Revenue, string Currency);
