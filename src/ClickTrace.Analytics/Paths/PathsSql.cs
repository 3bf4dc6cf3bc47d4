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
               arrayFilter((x, i) -> i = 1 OR x.2 != views[i - 1].2, views, arrayEnumerate(views)) AS seq
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
                       arrayMap(a -> (toUInt8({(int)Fact.Reached}), toUInt8(0), '', '', toUInt64(a - 1), toUInt64(seq[a].1 - seq[1].1)), arrayFilter(a -> a > 0, [at])),
                       arrayMap(step -> (toUInt8({(int)Fact.Flow}), toUInt8(step),
                                         {(into ? "if(at - step >= 1, seq[at - step].2, ''), seq[at - step + 1].2"
                                                : "seq[at + step - 1].2, if(at + step <= length(seq), seq[at + step].2, '')")},
                                         toUInt64(0), toUInt64(0)),
                                arrayFilter(step -> at > 0 AND {(into ? "at - step + 1 >= 1" : "at + step - 1 <= length(seq)")}, range(1, {"{depth:UInt8}"} + 1))),
                       arrayMap(i -> (toUInt8({(int)Fact.Backtrack}), toUInt8(0), seq[i].2, seq[i + 1].2, toUInt64(0), toUInt64(0)),
                                arrayFilter(i -> i + 2 <= length(seq) AND seq[i + 2].2 = seq[i].2 AND seq[i + 2].1 - seq[i + 1].1 <= {"{backtrack_ms:UInt64}"}, arrayEnumerate(seq)))
                   ) AS facts
            FROM
            (
                SELECT session_id, visitor_id, seq, arrayFirstIndex(x -> {PathPattern.Condition("x.2", "page", page)}, seq) AS at
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
