using ClickTrace.Analytics.Reports;

namespace ClickTrace.Analytics.Links;

/// <summary>The links report's queries; every value is a bound parameter.</summary>
internal static class LinksQueries
{
    /// <summary>
    /// Per page and link selector: impressions and clicks with their visitors (<c>uniq</c>, as everywhere: exact
    /// up to 65,536 visitors, an estimate within about 2% beyond), and the average position when seen.
    /// </summary>
    public const string Counts = $"""
        SELECT path, selector, anyHeavy(href), anyHeavy(text),
               countIf(type = 'impression'), uniqIf(visitor_id, type = 'impression'),
               countIf(type = 'click'), uniqIf(visitor_id, type = 'click'),
               toInt32(round(ifNotFinite(avgIf(x, type = 'impression'), 0))), toInt32(round(ifNotFinite(avgIf(y, type = 'impression'), 0)))
        FROM events
        WHERE {ReportQuery.Where} AND type IN ('impression', 'click') AND href != ''
        GROUP BY path, selector
        ORDER BY path, selector
        LIMIT {"{limit:UInt32}"}
        """;

    /// <summary>Per page and element, its rage, dead and error clicks and the visitors they frustrated; the most frustrating first.</summary>
    public const string Frustration = $"""
        SELECT path, selector, anyHeavy(tag), anyHeavy(text),
               countIf(type = 'rage'), countIf(type = 'dead'), countIf(type = 'errclick'), uniqExact(visitor_id) AS visitors
        FROM events
        WHERE {ReportQuery.Where} AND type IN ('rage', 'dead', 'errclick') AND selector != ''
        GROUP BY path, selector
        ORDER BY visitors DESC, count() DESC, path, selector
        LIMIT 100
        """;

    /// <summary>
    /// Per page and link selector, the broken clicks and their visitors: clicks whose next click or page view
    /// in the session is a page view of an error page (a click and a page view at the same instant: the click
    /// first), and error clicks. Only sessions that saw an error page are walked.
    /// </summary>
    public const string Broken = $"""
        SELECT path, selector, count(), uniqExact(visitor_id)
        FROM
        (
            SELECT path, selector, visitor_id,
                   type = 'errclick'
                   OR leadInFrame(toUInt8(type = 'pageview' AND error_page), 1, 0)
                        OVER (PARTITION BY session_id, type = 'errclick' ORDER BY timestamp, type = 'pageview'
                              ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) = 1 AS broken,
                   type
            FROM events
            WHERE {ReportQuery.Where} AND (
                  (type = 'errclick' AND href != '')
                  OR ((type = 'pageview' OR (type = 'click' AND href != ''))
                      AND session_id IN (SELECT session_id FROM events WHERE {ReportQuery.Where} AND type = 'pageview' AND error_page)))
        )
        WHERE broken AND type != 'pageview'
        GROUP BY path, selector
        """;
}
