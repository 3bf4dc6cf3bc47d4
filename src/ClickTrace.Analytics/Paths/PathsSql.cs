using ClickTrace.Analytics.Reports;

namespace ClickTrace.Analytics.Paths;

/// <summary>
/// The paths report's queries, over each session's page views in time order with repeats of the same page in
/// a row (reloads) collapsed: <c>seq</c>, an array of (time in ms, path). The anchor page is a bound LIKE
/// pattern (<c>{page:String}</c>); depth and seconds are bound too.
/// </summary>
internal static class PathsSql
{
    private const string Sequences = $"""
        SELECT session_id, any(visitor_id) AS visitor_id,
               arraySort(groupArray((toUInt64(toUnixTimestamp64Milli(timestamp)), path))) AS views,
               arrayFilter((x, i) -> i = 1 OR x.2 != views[i - 1].2, views, arrayEnumerate(views)) AS seq
        FROM events
        WHERE {ReportQuery.Where} AND type = 'pageview'
        GROUP BY session_id
        """;

    /// <summary>
    /// From the anchor on (its first view in the session): per step 1..depth, the page before and the page
    /// after ('' after the last: the session ended), in sessions. Into the anchor: the steps are counted back
    /// from it, and '' before the first page means the session started there.
    /// </summary>
    public static string Flows(bool into) => $"""
        SELECT step, source, target, count(), uniqExact(visitor_id)
        FROM
        (
            SELECT visitor_id, seq, arrayFirstIndex(x -> x.2 LIKE {"{page:String}"}, seq) AS at
            FROM ({Sequences})
            WHERE at > 0
        )
        ARRAY JOIN range(1, {"{depth:UInt8}"} + 1) AS step
        WHERE {(into ? "at - step + 1 >= 1" : "at + step - 1 <= length(seq)")}
        GROUP BY step,
                 {(into ? "if(at - step >= 1, seq[at - step].2, '') AS source, seq[at - step + 1].2 AS target"
                        : "seq[at + step - 1].2 AS source, if(at + step <= length(seq), seq[at + step].2, '') AS target")}
        ORDER BY step, count() DESC, source, target
        LIMIT 10000
        """;

    /// <summary>Sessions, those that reached the anchor, and for those the median pages before it and time from the session's first page view.</summary>
    public static readonly string Reach = $"""
        SELECT count(), countIf(at > 0), medianExactIf(at - 1, at > 0), medianExactIf(seq[at].1 - seq[1].1, at > 0)
        FROM
        (
            SELECT seq, arrayFirstIndex(x -> x.2 LIKE {"{page:String}"}, seq) AS at
            FROM ({Sequences})
        )
        """;

    /// <summary>
    /// Back-tracks: a page, a detour to another page, and back to the first within the given seconds of
    /// opening the detour. Per page and detour: occurrences, sessions, visitors.
    /// </summary>
    public static readonly string Backtracks = $"""
        SELECT seq[i].2 AS page, seq[i + 1].2 AS detour, count() AS times, uniqExact(session_id), uniqExact(visitor_id)
        FROM ({Sequences})
        ARRAY JOIN arrayEnumerate(seq) AS i
        WHERE i + 2 <= length(seq) AND seq[i + 2].2 = seq[i].2 AND seq[i + 2].1 - seq[i + 1].1 <= {"{backtrack_ms:UInt64}"}
        GROUP BY page, detour
        ORDER BY times DESC, page, detour
        LIMIT 100
        """;
}
