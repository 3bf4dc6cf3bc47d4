using ClickTrace.Analytics.Reports;

namespace ClickTrace.Analytics.Paths;

/// <summary>
/// The paths report's queries, over each session's page views in time order with repeats of the same page in
/// a row (reloads) collapsed: <c>seq</c>, an array of (time in ms, path). The anchor page is bound as
/// <c>{page:String}</c> (<see cref="PathPattern"/>); depth and seconds are bound too.
/// </summary>
internal static class PathsSql
{
    private const string Sequences = $"""
        SELECT session_id, any(visitor_id) AS visitor_id,
               arraySort(groupArray((toUInt64(toUnixTimestamp64Milli(timestamp)), path))) AS views,
               arrayFilter((x, i, before) -> i = 1 OR x.2 != before, views, arrayEnumerate(views), arrayPushFront(arrayPopBack(views.2), '')) AS seq
        FROM events
        WHERE {ReportQuery.Where} AND type = 'pageview'
        GROUP BY session_id
        """;

    /// <summary>What a row of <see cref="Report"/> counts (its first column).</summary>
    public enum Fact : byte { Session = 0, Reached = 1, Backtrack = 2, Flow = 3 }

    /// <summary>
    /// The whole report in one pass over the sessions' sequences (building them is most of the work, so they are
    /// built once): each session gives a list of facts, grouped and counted together. Columns: fact, step,
    /// source, target, count, then sessions and visitors (back-tracks), then the median pages before the anchor
    /// and the median time to it from the session's first page view (reached).
    /// <list type="bullet">
    /// <item><see cref="Fact.Session"/>: one per session.</item>
    /// <item><see cref="Fact.Reached"/>: one per session that reached the anchor, with its pages before it and the time to it.</item>
    /// <item><see cref="Fact.Flow"/>: from the anchor on (its first view in the session), per step 1..depth, the page
    /// before and the page after ('' after the last: the session ended). Into the anchor, the steps are counted back
    /// from it, and '' before the first page means the session started there.</item>
    /// <item><see cref="Fact.Backtrack"/>: a page, a detour to another page, and back to the first within the given
    /// seconds of opening the detour.</item>
    /// </list>
    /// Each fact's rows come most common first (flows step by step), at most <see cref="RowsPerFact"/> of each.
    /// </summary>
    /// <param name="page">The anchor: an exact path, or with * wildcards.</param>
    public static string Report(bool into, string page) => $"""
        SELECT fact.1 AS kind, fact.2 AS step, fact.3 AS source, fact.4 AS target, count(),
               uniqExactIf(session_id, kind = {(int)Fact.Backtrack}), uniqExactIf(visitor_id, kind = {(int)Fact.Backtrack}),
               medianExactIf(fact.5, kind = {(int)Fact.Reached}), medianExactIf(fact.6, kind = {(int)Fact.Reached})
        FROM
        (
            SELECT session_id, visitor_id,
                   arrayConcat(
                       [(toUInt8({(int)Fact.Session}), toUInt8(0), '', '', toUInt64(0), toUInt64(0))],
                       if(at > 0, [(toUInt8({(int)Fact.Reached}), toUInt8(0), '', '', toUInt64(at - 1), toUInt64(times[at] - times[1]))], []),
                       arrayMap((a, b, step) -> (toUInt8({(int)Fact.Flow}), toUInt8(step), {(into ? "b, a" : "a, b")}, toUInt64(0), toUInt64(0)),
                                near, after, arrayEnumerate(near)),
                       arrayMap(x -> (toUInt8({(int)Fact.Backtrack}), toUInt8(0), x.1, x.2, toUInt64(0), toUInt64(0)),
                                arrayFilter(x -> x.3 = x.1 AND x.5 - x.4 <= {"{backtrack_ms:UInt64}"},
                                            arrayZip(arraySlice(pages, 1, triples), arraySlice(pages, 2, triples), arraySlice(pages, 3, triples),
                                                     arraySlice(times, 2, triples), arraySlice(times, 3, triples))))
                   ) AS facts
            FROM
            (
                SELECT session_id, visitor_id, seq.1 AS times, seq.2 AS pages, greatest(length(pages), 2) - 2 AS triples,
                       arrayFirstIndex(x -> {PathPattern.Condition("x", "page", page)}, pages) AS at,
                       -- The pages from the anchor on (into it: back from it), the anchor first, one more than the depth.
                       if(at = 0, [], {(into ? "arrayReverse(arraySlice(pages, greatest(at - {depth:UInt8}, 1), least(at, {depth:UInt8} + 1)))" : "arraySlice(pages, at, {depth:UInt8} + 1)")}) AS run,
                       arraySlice(run, 1, {"{depth:UInt8}"}) AS near,
                       arraySlice(arrayPushBack(arrayPopFront(run), ''), 1, length(near)) AS after
                FROM ({Sequences})
            )
        )
        ARRAY JOIN facts AS fact
        GROUP BY kind, step, source, target
        ORDER BY kind, step, count() DESC, source, target
        LIMIT {RowsPerFact} BY kind
        """;

    /// <summary>Most rows of each fact: a site with many pages has many page pairs, and only the most common are shown.</summary>
    public const int RowsPerFact = 10_000;
}
