using ClickTrace.Analytics.Reports;
using ClickTrace.Storage;
using ClickTrace.Storage.Schema;

namespace ClickTrace.Analytics.Overview;

/// <summary>
/// The overview's queries on the quarter-hour rollups (<see cref="QuarterHours"/>): the numbers the plain
/// queries in <see cref="OverviewQueries"/> give. Used when the report has no dimension filter (a filter selects
/// sessions by their events, which only the events table knows).
/// </summary>
internal static class OverviewRollupQueries
{
    public const string Totals = $"""
        SELECT uniqMerge(visitors), uniqMerge(sessions), sum(pageviews), sum(clicks)
        FROM
        (
            SELECT visitors, sessions, CAST(pageviews AS UInt64) AS pageviews, CAST(clicks AS UInt64) AS clicks FROM overview_buckets WHERE {QuarterHours.Rollup}
            UNION ALL
            SELECT uniqState(visitor_id), uniqState(session_id), toUInt64(countIf(type = 'pageview')), toUInt64(countIf(type = 'click')) FROM events WHERE {QuarterHours.Ends}
        )
        """;

    public static string Series(Interval interval) => $"""
        SELECT {(interval == Interval.Day ? "toStartOfDay" : "toStartOfHour")}(quarter, {"{tz:String}"}) AS bucket, uniqMerge(visitors), sum(pageviews)
        FROM
        (
            SELECT bucket AS quarter, visitors, CAST(pageviews AS UInt64) AS pageviews FROM overview_buckets WHERE {QuarterHours.Rollup}
            UNION ALL
            SELECT toStartOfFifteenMinutes(timestamp) AS quarter, uniqState(visitor_id), toUInt64(countIf(type = 'pageview')) FROM events WHERE {QuarterHours.Ends} GROUP BY quarter
        )
        GROUP BY bucket
        ORDER BY bucket
        """;

    public const string TopPages = $"""
        SELECT path, sum(pageviews) AS total, uniqMerge(visitors)
        FROM
        (
            SELECT path, CAST(pageviews AS UInt64) AS pageviews, visitors FROM page_buckets WHERE {QuarterHours.Rollup}
            UNION ALL
            SELECT path, toUInt64(count()), uniqState(visitor_id) FROM events WHERE {QuarterHours.Ends} AND type = 'pageview' GROUP BY path
        )
        GROUP BY path
        ORDER BY total DESC, path
        LIMIT {"{limit:UInt32}"}
        """;

    public const string TopClicks = $"""
        SELECT path, selector, any(tag), anyHeavyMerge(text), anyHeavyMerge(href), sum(clicks) AS total, uniqMerge(visitors)
        FROM
        (
            SELECT path, selector, CAST(tag AS String) AS tag, text, href, CAST(clicks AS UInt64) AS clicks, visitors FROM click_buckets WHERE {QuarterHours.Rollup}
            UNION ALL
            SELECT path, selector, any(CAST(tag AS String)), anyHeavyState(text), anyHeavyState(href), toUInt64(count()), uniqState(visitor_id)
            FROM events WHERE {QuarterHours.Ends} AND type = 'click' GROUP BY path, selector
        )
        GROUP BY path, selector
        ORDER BY total DESC, path, selector
        LIMIT {"{limit:UInt32}"}
        """;

    /// <summary>The rows of <see cref="OverviewQueries.Countries"/>, from the country rollup and the ragged ends.</summary>
    public const string Countries = $"""
        SELECT 'country' AS dimension, CAST(country AS String) AS value, uniqMerge(sessions) AS sessions, uniqMerge(visitors) AS visitors, toUInt64(0), toUInt64(0)
        FROM
        (
            SELECT country, sessions, visitors FROM country_buckets WHERE {QuarterHours.Rollup}
            UNION ALL
            SELECT country, uniqState(session_id), uniqState(visitor_id) FROM events WHERE {QuarterHours.Ends} AND type = 'pageview' AND country != '' GROUP BY country
        )
        GROUP BY country
        ORDER BY sessions DESC, value
        LIMIT 1000
        """;

    /// <summary>The sessions with a page view, each described once from its pieces; then counted as in <see cref="OverviewQueries.Visits"/>.</summary>
    public static readonly string Visits = OverviewQueries.CountVisits($"""
        SELECT session_id, any(visitor_id) AS visitor_id, sum(pageviews) AS pageviews,
               toUInt64(toUnixTimestamp64Milli(max(last)) - toUnixTimestamp64Milli(min(first))) AS duration_ms,
               argMinIfMerge(entry) AS entry, argMaxIfMerge(exit) AS exit, argMinIfMerge(source) AS source,
               argMinIfMerge(campaign) AS campaign, argMinIfMerge(channel) AS channel,
               any(device) AS device, any(browser) AS browser, any(os) AS os
        FROM
        (
            SELECT session_id, CAST(visitor_id AS UInt64) AS visitor_id, CAST(pageviews AS UInt64) AS pageviews,
                   CAST(first AS DateTime64(3, 'UTC')) AS first, CAST(last AS DateTime64(3, 'UTC')) AS last,
                   entry, exit, source, campaign, channel, CAST(device AS String) AS device, CAST(browser AS String) AS browser, CAST(os AS String) AS os
            FROM session_buckets WHERE {QuarterHours.Rollup}
            UNION ALL
            SELECT session_id, {RollupColumns.SessionPieces}
            FROM events WHERE {QuarterHours.Ends} GROUP BY session_id
        )
        GROUP BY session_id
        HAVING pageviews > 0
        """);
}
