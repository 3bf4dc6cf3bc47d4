using ClickTrace.Analytics.Reports;

namespace ClickTrace.Analytics.Pages;

/// <summary>
/// The page microscope's queries, each over the page's events: <see cref="Page"/> stands for the condition on the
/// path (<see cref="PathPattern.Condition"/>, bound as <c>{page:String}</c>), which <see cref="For"/> puts in.
/// </summary>
internal static class PageQueries
{
    public const string Page = "/*page*/";
    private const string OnPage = $"{ReportQuery.Where} AND {Page}";

    /// <summary><paramref name="sql"/> for the page <paramref name="page"/> (exact, or with * wildcards).</summary>
    public static string For(string sql, string page) => sql.Replace(Page, PathPattern.Condition("path", "page", page), StringComparison.Ordinal);

    // Only page views: the url is read for them alone, not for every click and scroll on the page.
    public const string Totals = $"""
        SELECT count(), uniqExact(visitor_id), anyHeavy(url)
        FROM events
        WHERE {OnPage} AND type = 'pageview'
        """;

    /// <summary>Clicks in cells of a fiftieth of the viewport's width by 25 px of page height.</summary>
    public const string Heat = $"""
        SELECT least(49, intDiv(greatest(x, 0) * 50, viewport_width)) AS column, intDiv(greatest(y, 0), 25) AS row, count() AS clicks
        FROM events
        WHERE {OnPage} AND type = 'click' AND viewport_width > 0
        GROUP BY column, row
        ORDER BY clicks DESC, row, column
        LIMIT 5000
        """;

    /// <summary>Each view's deepest scroll (engage events of a session on the page), then how many views reached each tenth.</summary>
    public const string Scroll = $"""
        SELECT sumForEach(arrayMap(p -> toUInt64(depth >= p), range(10, 101, 10))), count()
        FROM
        (
            SELECT max(scroll_depth) AS depth
            FROM events
            WHERE {OnPage} AND type = 'engage'
            GROUP BY session_id, path
        )
        """;

    public const string Elements = $"""
        SELECT selector, anyHeavy(tag), anyHeavy(text),
               countIf(type = 'click') AS clicks, uniqExactIf(visitor_id, type = 'click'),
               countIf(type = 'rage'), countIf(type = 'dead'), countIf(type = 'errclick'),
               uniqExactIf(visitor_id, type IN ('rage', 'dead', 'errclick'))
        FROM events
        WHERE {OnPage} AND type IN ('click', 'rage', 'dead', 'errclick') AND selector != ''
        GROUP BY selector
        ORDER BY clicks + countIf(type IN ('rage', 'dead', 'errclick')) DESC, selector
        LIMIT 200
        """;

    public const string Fields = $"""
        SELECT selector, name, anyHeavy(tag),
               countIf(type = 'field'), uniqExactIf(visitor_id, type = 'field'),
               medianExactIf(duration_ms, type = 'field'), countIf(type = 'field' AND count > 0),
               countIf(type = 'abandon')
        FROM events
        WHERE {OnPage} AND type IN ('field', 'abandon') AND name != ''
        GROUP BY selector, name
        ORDER BY selector, countIf(type = 'field') DESC, name
        LIMIT 200
        """;

    public const string Errors = $"""
        SELECT name, href, line, count() AS n, uniqExact(visitor_id)
        FROM events
        WHERE {OnPage} AND type = 'error'
        GROUP BY name, href, line
        ORDER BY n DESC, name
        LIMIT 100
        """;
}
