namespace ClickTrace.Storage.Schema;

/// <summary>
/// The report rollups (migration 7) of the overview and the links report: events summed per site and quarter hour (UTC), kept up to date by
/// materialized views on every insert into <c>events</c>. A quarter hour lies inside one hour and one day of
/// every time zone (all offsets are multiples of 15 minutes), so series in any zone are exact; a report reads
/// the whole quarters of its period here and the ragged ends from <c>events</c>. The session pieces keep
/// what the visits need (first and last event, page views, entry and exit page, source, device) per session
/// and quarter, merged again per session at query time.
/// </summary>
internal static class ReportRollups
{
    public static IReadOnlyList<string> Statements(string retentionDays) =>
    [
        .. Rollup("overview_buckets", """
            site_id   LowCardinality(String),
            bucket    DateTime('UTC'),
            visitors  AggregateFunction(uniq, UInt64),
            sessions  AggregateFunction(uniq, UInt64),
            pageviews SimpleAggregateFunction(sum, UInt64),
            clicks    SimpleAggregateFunction(sum, UInt64)
            """, "(site_id, bucket)", retentionDays, """
            SELECT site_id, toStartOfFifteenMinutes(timestamp) AS bucket, uniqState(visitor_id) AS visitors, uniqState(session_id) AS sessions,
                   toUInt64(countIf(type = 'pageview')) AS pageviews, toUInt64(countIf(type = 'click')) AS clicks
            FROM events
            GROUP BY site_id, bucket
            """),
        .. Rollup("page_buckets", """
            site_id   LowCardinality(String),
            bucket    DateTime('UTC'),
            path      String,
            pageviews SimpleAggregateFunction(sum, UInt64),
            visitors  AggregateFunction(uniq, UInt64)
            """, "(site_id, bucket, path)", retentionDays, """
            SELECT site_id, toStartOfFifteenMinutes(timestamp) AS bucket, path, toUInt64(count()) AS pageviews, uniqState(visitor_id) AS visitors
            FROM events
            WHERE type = 'pageview'
            GROUP BY site_id, bucket, path
            """),
        .. Rollup("click_buckets", """
            site_id   LowCardinality(String),
            bucket    DateTime('UTC'),
            path      String,
            selector  String,
            tag       SimpleAggregateFunction(any, String),
            text      AggregateFunction(anyHeavy, String),
            href      AggregateFunction(anyHeavy, String),
            clicks    SimpleAggregateFunction(sum, UInt64),
            visitors  AggregateFunction(uniq, UInt64)
            """, "(site_id, bucket, path, selector)", retentionDays, """
            SELECT site_id, toStartOfFifteenMinutes(timestamp) AS bucket, path, selector, any(CAST(tag AS String)) AS tag, anyHeavyState(text) AS text,
                   anyHeavyState(href) AS href, toUInt64(count()) AS clicks, uniqState(visitor_id) AS visitors
            FROM events
            WHERE type = 'click'
            GROUP BY site_id, bucket, path, selector
            """),
        .. Rollup("link_buckets", """
            site_id             LowCardinality(String),
            bucket              DateTime('UTC'),
            path                String,
            selector            String,
            top_href            AggregateFunction(anyHeavy, String),
            top_text            AggregateFunction(anyHeavy, String),
            impressions         SimpleAggregateFunction(sum, UInt64),
            impression_visitors AggregateFunction(uniqIf, UInt64, UInt8),
            clicks              SimpleAggregateFunction(sum, UInt64),
            click_visitors      AggregateFunction(uniqIf, UInt64, UInt8),
            x_sum               SimpleAggregateFunction(sum, Int64),
            y_sum               SimpleAggregateFunction(sum, Int64)
            """, "(site_id, bucket, path, selector)", retentionDays, $"""
            SELECT site_id, toStartOfFifteenMinutes(timestamp) AS bucket, path, selector, {RollupColumns.LinkPieces}
            FROM events
            WHERE type IN ('impression', 'click') AND href != ''
            GROUP BY site_id, bucket, path, selector
            """),
        .. Rollup("session_buckets", """
            site_id    LowCardinality(String),
            bucket     DateTime('UTC'),
            session_id UInt64,
            visitor_id SimpleAggregateFunction(any, UInt64),
            pageviews  SimpleAggregateFunction(sum, UInt64),
            first      SimpleAggregateFunction(min, DateTime64(3, 'UTC')),
            last       SimpleAggregateFunction(max, DateTime64(3, 'UTC')),
            entry      AggregateFunction(argMinIf, String, DateTime64(3, 'UTC'), UInt8),
            exit       AggregateFunction(argMaxIf, String, DateTime64(3, 'UTC'), UInt8),
            source     AggregateFunction(argMinIf, String, DateTime64(3, 'UTC'), UInt8),
            campaign   AggregateFunction(argMinIf, String, DateTime64(3, 'UTC'), UInt8),
            channel    AggregateFunction(argMinIf, String, DateTime64(3, 'UTC'), UInt8),
            device     SimpleAggregateFunction(any, String),
            browser    SimpleAggregateFunction(any, String),
            os         SimpleAggregateFunction(any, String)
            """, "(site_id, bucket, session_id)", retentionDays, $"""
            SELECT site_id, toStartOfFifteenMinutes(timestamp) AS bucket, session_id, {RollupColumns.SessionPieces}
            FROM events
            GROUP BY site_id, bucket, session_id
            """),
    ];

    /// <summary>The overview's countries (migration 12): sessions' and visitors' states of page views per site, quarter hour and country.</summary>
    public static IReadOnlyList<string> CountryStatements(string retentionDays) =>
    [
        .. Rollup("country_buckets", """
            site_id   LowCardinality(String),
            bucket    DateTime('UTC'),
            country   LowCardinality(String),
            sessions  AggregateFunction(uniq, UInt64),
            visitors  AggregateFunction(uniq, UInt64)
            """, "(site_id, bucket, country)", retentionDays, """
            SELECT site_id, toStartOfFifteenMinutes(timestamp) AS bucket, country, uniqState(session_id) AS sessions, uniqState(visitor_id) AS visitors
            FROM events
            WHERE type = 'pageview' AND country != ''
            GROUP BY site_id, bucket, country
            """),
    ];

    /// <summary>
    /// The table, the view that fills it from each insert, and the fill from the events already stored: emptied
    /// first, so that a migration cut short (a crash, a lost connection) and run again fills it once. The fill
    /// runs at start-up before the shipper does; a deployment with other collectors shipping meanwhile should
    /// stop them for the upgrade, or an insert between the view and the fill would be counted twice.
    /// </summary>
    private static IEnumerable<string> Rollup(string table, string columns, string orderBy, string retentionDays, string select)
    {
        yield return $"""
            CREATE TABLE IF NOT EXISTS {table}
            (
            {columns}
            )
            ENGINE = AggregatingMergeTree
            PARTITION BY toYYYYMM(bucket)
            ORDER BY {orderBy}
            TTL bucket + INTERVAL {retentionDays} DAY
            """;
        yield return $"CREATE MATERIALIZED VIEW IF NOT EXISTS {table}_mv TO {table} AS\n{select}";
        yield return $"TRUNCATE TABLE IF EXISTS {table}";
        yield return $"INSERT INTO {table}\n{select}";
    }
}

/// <summary>What the rollups store, for the report queries that read them.</summary>
public static class RollupColumns
{
    /// <summary>A session's piece of a quarter hour, as aggregate states (also computed from raw events for a period's ragged ends).</summary>
    public const string SessionPieces = """
        any(visitor_id) AS visitor_id, toUInt64(countIf(type = 'pageview')) AS pageviews, min(timestamp) AS first, max(timestamp) AS last,
        argMinIfState(path, timestamp, toUInt8(type = 'pageview')) AS entry, argMaxIfState(path, timestamp, toUInt8(type = 'pageview')) AS exit,
        argMinIfState(CAST(if(utm_source != '', utm_source, referrer_host) AS String), timestamp, toUInt8(type = 'pageview')) AS source,
        argMinIfState(CAST(utm_campaign AS String), timestamp, toUInt8(type = 'pageview')) AS campaign,
        argMinIfState(CAST(referrer_class AS String), timestamp, toUInt8(type = 'pageview')) AS channel,
        any(CAST(device AS String)) AS device, any(CAST(browser AS String)) AS browser, any(CAST(os AS String)) AS os
        """;

    /// <summary>
    /// A link's impressions and clicks in a quarter hour, as aggregate states (also computed from raw events for a
    /// period's ragged ends). The states are not named href and text: an alias would hide the column from the WHERE.
    /// </summary>
    public const string LinkPieces = """
        anyHeavyState(href) AS top_href, anyHeavyState(text) AS top_text,
        toUInt64(countIf(type = 'impression')) AS impressions, uniqIfState(visitor_id, toUInt8(type = 'impression')) AS impression_visitors,
        toUInt64(countIf(type = 'click')) AS clicks, uniqIfState(visitor_id, toUInt8(type = 'click')) AS click_visitors,
        toInt64(sumIf(x, type = 'impression')) AS x_sum, toInt64(sumIf(y, type = 'impression')) AS y_sum
        """;
}
