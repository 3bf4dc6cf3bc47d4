using ClickTrace.Analytics.Reports;
using ClickTrace.Storage;
using ClickTrace.Storage.Schema;

namespace ClickTrace.Analytics.Overview;

/// <summary>
/// The overview's queries on the day rollups (<see cref="WholeDays"/>: totals, pages, clicked elements) and the
/// quarter-hour rollups (<see cref="QuarterHours"/>: the series, the visits): the numbers the plain
/// queries in <see cref="OverviewQueries"/> give. Used when the report has no dimension filter (a filter selects
/// sessions by their events, which only the events table knows).
/// </summary>
internal static class OverviewRollupQueries
{
    /// <summary>From the day rollups (<see cref="WholeDays"/>): a month's totals merge some thirty rows.</summary>
    public static readonly string Totals = $"""
        SELECT uniqCombinedMerge(visitors), uniqCombinedMerge(sessions), sum(pageviews), sum(clicks)
        FROM
        (
            SELECT visitors, sessions, CAST(pageviews AS UInt64) AS pageviews, CAST(clicks AS UInt64) AS clicks FROM overview_days WHERE {WholeDays.Rollup}
            UNION ALL
            SELECT uniqCombinedState(visitor_id), uniqCombinedState(session_id), toUInt64(countIf(type = 'pageview')), toUInt64(countIf(type = 'click')) FROM events WHERE {WholeDays.Ends}
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

    public static readonly string TopPages = $"""
        SELECT path, sum(pageviews) AS total, uniqCombinedMerge(visitors)
        FROM
        (
            SELECT CAST(path AS String) AS path, CAST(pageviews AS UInt64) AS pageviews, visitors FROM page_days WHERE {WholeDays.Rollup}
            UNION ALL
            SELECT CAST(path AS String), toUInt64(count()), uniqCombinedState(visitor_id) FROM events WHERE {WholeDays.Ends} AND type = 'pageview' GROUP BY path
        )
        GROUP BY path
        ORDER BY total DESC, path
        LIMIT {"{limit:UInt32}"}
        """;

    public static readonly string TopClicks = $"""
        SELECT path, selector, any(tag), anyHeavyMerge(text), anyHeavyMerge(href), sum(clicks) AS total, uniqCombinedMerge(visitors)
        FROM
        (
            SELECT CAST(path AS String) AS path, CAST(selector AS String) AS selector, CAST(tag AS String) AS tag, text, href, CAST(clicks AS UInt64) AS clicks, visitors
            FROM click_days WHERE {WholeDays.Rollup}
            UNION ALL
            SELECT CAST(path AS String), CAST(selector AS String), any(CAST(tag AS String)), anyHeavyState(text), anyHeavyState(href), toUInt64(count()), uniqCombinedState(visitor_id)
            FROM events WHERE {WholeDays.Ends} AND type = 'click' GROUP BY path, selector
        )
        GROUP BY path, selector
        ORDER BY total DESC, path, selector
        LIMIT {"{limit:UInt32}"}
        """;

    // Each session's pieces merged: one row per session with a page view, its dimensions as hashes.
    private static readonly string Sessions = $"""
            SELECT session_id, any(visitor_id) AS visitor_id, sum(pageviews) AS pageviews,
                   toUInt64(toUnixTimestamp64Milli(max(last)) - toUnixTimestamp64Milli(min(first))) AS duration_ms,
                   {RollupColumns.VisitValue("min(entry)")} AS entry, {RollupColumns.VisitValue("max(exit)")} AS exit,
                   {RollupColumns.VisitValue("min(source)")} AS source, {RollupColumns.VisitValue("min(campaign)")} AS campaign,
                   {RollupColumns.VisitValue("min(channel)")} AS channel,
                   max(device) AS device, max(browser) AS browser, max(os) AS os, max(country) AS country
            FROM
            (
                SELECT session_id, CAST(visitor_id AS UInt64) AS visitor_id, CAST(pageviews AS UInt64) AS pageviews,
                       CAST(first AS DateTime64(3, 'UTC')) AS first, CAST(last AS DateTime64(3, 'UTC')) AS last,
                       CAST(entry AS UInt128) AS entry, CAST(exit AS UInt128) AS exit, CAST(source AS UInt128) AS source,
                       CAST(campaign AS UInt128) AS campaign, CAST(channel AS UInt128) AS channel,
                       CAST(device AS UInt64) AS device, CAST(browser AS UInt64) AS browser, CAST(os AS UInt64) AS os, CAST(country AS UInt64) AS country
                FROM visit_buckets WHERE {QuarterHours.Rollup}
                UNION ALL
                SELECT session_id, {RollupColumns.VisitPieces}
                FROM events WHERE {QuarterHours.Ends} GROUP BY session_id
            )
            GROUP BY session_id
            HAVING pageviews > 0
        """;

    /// <summary>
    /// The sessions with a page view, each described once from its pieces (<see cref="RollupColumns.VisitPieces"/>),
    /// counted per dimension as in <see cref="OverviewQueries.Visits"/> and <see cref="OverviewQueries.Countries"/>
    /// (a session's country: the one its page views came from), the hashes named from <c>visit_names</c>.
    /// </summary>
    public static readonly string Visits = $"""
        SELECT dimension, if(dimension = 'all', '', n.name) AS value, sessions, visitors, bounces, duration
        FROM
        (
        {OverviewQueries.GroupVisits(Sessions, ["entry", "exit", "source", "campaign", "channel", "device", "browser", "os", "country"], "toUInt64(0)")}
        ) AS v
        LEFT JOIN
        (
            SELECT hash, CAST(any(value) AS String) AS name FROM visit_names
            WHERE site_id = {"{site:String}"} AND until > {"{from:DateTime64(3, 'UTC')}"} AND until <= {"{to:DateTime64(3, 'UTC')}"} + INTERVAL 1 DAY
            GROUP BY hash
        ) AS n ON v.key = n.hash
        WHERE dimension = 'all' OR value != ''
        ORDER BY dimension, sessions DESC, value
        LIMIT 1000 BY dimension
        """;
}
