using ClickTrace.Analytics.Reports;
using ClickTrace.Storage.Schema;

namespace ClickTrace.Analytics.Links;

/// <summary>
/// The links report's counts on the quarter-hour rollups (<see cref="QuarterHours"/>): the numbers of
/// <see cref="LinksQueries.Counts"/>, used when the report has no dimension filter.
/// </summary>
internal static class LinksRollupQueries
{
    public static readonly string Counts = $"""
        SELECT path, selector, anyHeavyMerge(top_href), anyHeavyMerge(top_text),
               sum(impressions) AS seen, uniqIfMerge(impression_visitors), sum(clicks), uniqIfMerge(click_visitors),
               toInt32(round(ifNotFinite(sum(x_sum) / seen, 0))), toInt32(round(ifNotFinite(sum(y_sum) / seen, 0)))
        FROM
        (
            SELECT path, selector, top_href, top_text, CAST(impressions AS UInt64) AS impressions, impression_visitors,
                   CAST(clicks AS UInt64) AS clicks, click_visitors, CAST(x_sum AS Int64) AS x_sum, CAST(y_sum AS Int64) AS y_sum
            FROM link_buckets WHERE {QuarterHours.Rollup}
            UNION ALL
            SELECT path, selector, {RollupColumns.LinkPieces}
            FROM events WHERE {QuarterHours.Ends} AND type IN ('impression', 'click') AND href != ''
            GROUP BY path, selector
        )
        GROUP BY path, selector
        ORDER BY path, selector
        LIMIT {"{limit:UInt32}"}
        """;
}
