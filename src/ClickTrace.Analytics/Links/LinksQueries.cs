using ClickTrace.Analytics.Reports;

namespace ClickTrace.Analytics.Links;

/// <summary>The links report's queries; every value is a bound parameter.</summary>
internal static class LinksQueries
{
    /// <summary>
    /// Per page and link selector: impressions and clicks with their visitors, the average position; and the
    /// broken ones: clicks on the link whose next click or page view in the session is a page view of an error
    /// page (a click and a page view at the same instant: the click first), and error clicks.
    /// </summary>
    public const string Links = $"""
        SELECT path, selector, anyHeavy(href), anyHeavy(text),
               countIf(type = 'impression'), uniqExactIf(visitor_id, type = 'impression'),
               countIf(type = 'click'), uniqExactIf(visitor_id, type = 'click'),
               toInt32(round(ifNotFinite(avgIf(x, type = 'impression'), 0))), toInt32(round(ifNotFinite(avgIf(y, type = 'impression'), 0))),
               countIf(broken), uniqExactIf(visitor_id, broken)
        FROM
        (
            SELECT type, path, selector, href, text, visitor_id, x, y,
                   type = 'errclick'
                   OR (type = 'click' AND leadInFrame(toUInt8(type = 'pageview' AND error_page), 1, 0)
                        OVER (PARTITION BY session_id, type IN ('click', 'pageview') ORDER BY timestamp, type = 'pageview'
                              ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) = 1) AS broken
            FROM events
            WHERE {ReportQuery.Where} AND (type IN ('impression', 'click', 'errclick') AND href != '' OR type = 'pageview')
        )
        WHERE type != 'pageview'
        GROUP BY path, selector
        HAVING countIf(type = 'impression') > 0 OR countIf(type = 'click') > 0
        ORDER BY path, selector
        LIMIT {"{limit:UInt32}"}
        """;
}
