using ClickTrace.Analytics.Reports;

namespace ClickTrace.Analytics.Overview;

/// <summary>The overview's ClickHouse queries; every value is a bound parameter of <see cref="ReportQuery"/>.</summary>
internal static class OverviewQueries
{
    public const string Totals = $"""
        SELECT uniq(visitor_id), uniq(session_id), countIf(type = 'pageview'), countIf(type = 'click')
        FROM events
        WHERE {ReportQuery.Where}
        """;

    public static string Series(Interval interval) => $"""
        SELECT {(interval == Interval.Day ? "toStartOfDay" : "toStartOfHour")}(timestamp, {"{tz:String}"}) AS bucket,
               uniq(visitor_id), countIf(type = 'pageview')
        FROM events
        WHERE {ReportQuery.Where}
        GROUP BY bucket
        ORDER BY bucket
        """;

    public const string TopPages = $"""
        SELECT path, count() AS pageviews, uniq(visitor_id)
        FROM events
        WHERE {ReportQuery.Where} AND type = 'pageview'
        GROUP BY path
        ORDER BY pageviews DESC, path
        LIMIT {"{limit:UInt32}"}
        """;

    public const string TopClicks = $"""
        SELECT path, selector, any(tag), anyHeavy(text), anyHeavy(href), count() AS clicks, uniq(visitor_id)
        FROM events
        WHERE {ReportQuery.Where} AND type = 'click'
        GROUP BY path, selector
        ORDER BY clicks DESC, path, selector
        LIMIT {"{limit:UInt32}"}
        """;
}
