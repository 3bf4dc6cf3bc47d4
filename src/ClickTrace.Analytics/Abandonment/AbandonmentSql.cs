using ClickTrace.Analytics.Funnels;
using ClickTrace.Analytics.Reports;
using ClickTrace.Storage;

namespace ClickTrace.Analytics.Abandonment;

/// <summary>
/// The abandonment query: one row for the visitors whose funnel level is the step (they reached it, not the
/// next). For each, the session of their last arrival at the step and what followed it there: the next page
/// view (none: they left), and on the step's page until then the abandoned form field (or the last one
/// used) with its time, and the rage, dead and error clicks. The engine adds these up per destination,
/// field and element; bound parameters carry every value (step, bit, the funnel's own).
/// </summary>
/// <remarks>
/// Only the event types that can change an answer (and the step's own) are joined, and the page views, most of them, are never
/// gathered into arrays: the next one is a minimum, and the page's events are those ordered before it by
/// (time, type), as when the whole session was one sorted array. About a sixth faster on 10 million events.
/// </remarks>
internal static class AbandonmentSql
{
    public const int SampleSize = 20;

    // An event's time in milliseconds, as the funnel's matches give reached_at.
    private const string At = "toUInt64(toUnixTimestamp64Milli(e.timestamp))";

    // The types that can change an answer, and the step's own: its event at reached_at gives every visitor a row.
    private static string Joined(FunnelStep step) =>
        string.Join(", ", new[] { "pageview", "field", "abandon", "rage", "dead", "errclick" }.Union(FunnelSql.Types(step)).Select(t => $"'{t}'"));

    public static string Build(FunnelDefinition funnel, int step, QueryParameters parameters)
    {
        parameters.Add("step", step).Add("bit", step - 1);
        return $"""
            WITH
                sumMap(map(next_path, toUInt64(1))) AS destinations,
                sumMap(map(last_field, toUInt64(1))) AS fields,
                medianExactMap(map(last_field, field_ms)) AS field_times,
                -- sumMap adds up repeated keys within a row too: no count per distinct key (quadratic in a page's clicks).
                sumMap(frustration, arrayWithConstant(length(frustration), toUInt64(1))) AS frustration_events,
                sumMap(arrayDistinct(frustration) AS kinds, arrayWithConstant(length(kinds), toUInt64(1))) AS frustration_visitors,
                groupArraySample({SampleSize}, 1)((session, visitor_id, reached_at)) AS sample
            SELECT count(),
                   mapKeys(destinations), mapValues(destinations),
                   mapKeys(fields), mapValues(fields), mapKeys(field_times), mapValues(field_times),
                   frustration_events.1, frustration_events.2, frustration_visitors.1, frustration_visitors.2,
                   arrayMap(x -> x.1, sample), arrayMap(x -> x.2, sample), arrayMap(x -> x.3, sample)
            FROM
            (
                SELECT visitor_id, session, reached_at, next_path,
                       if(moved_on, arrayFilter(x -> (x.1, x.2) < (next_at, 'pageview'), acts), acts) AS page,
                       if(arrayLastIndex(x -> x.2 = 'abandon', page) AS abandoned > 0, abandoned, arrayLastIndex(x -> x.2 = 'field', page)) AS field,
                       if(field > 0, page[field].4, '') AS last_field,
                       if(field > 0, page[field].5, 0) AS field_ms,
                       arrayMap(x -> concat(x.2, '|', x.6), arrayFilter(x -> x.2 IN ('rage', 'dead', 'errclick'), page)) AS frustration
                FROM
                (
                    SELECT a.visitor_id AS visitor_id, a.session AS session, a.reached_at AS reached_at,
                           countIf(e.type = 'pageview' AND {At} > a.reached_at) > 0 AS moved_on,
                           minIf({At}, e.type = 'pageview' AND {At} > a.reached_at) AS next_at,
                           argMinIf(e.path, ({At}, e.path), e.type = 'pageview' AND {At} > a.reached_at) AS next_path,
                           arraySort(groupArrayIf(({At}, e.type, e.path, e.name, e.duration_ms, e.selector), e.type != 'pageview')) AS acts
                    FROM events AS e
                    INNER JOIN
                    (
                        SELECT visitor_id, reached_at, session
                        FROM
                        (
                            SELECT visitor_id, {FunnelSql.Level(funnel, parameters)} AS level,
                                   maxIf(ts, bitTest(mask, {"{bit:UInt8}"})) AS reached_at,
                                   argMaxIf(session_id, ts, bitTest(mask, {"{bit:UInt8}"})) AS session
                            FROM ({FunnelSql.Matches(funnel, parameters, ", session_id")})
                            GROUP BY visitor_id
                        )
                        WHERE level = {"{step:UInt8}"}
                    ) AS a ON e.visitor_id = a.visitor_id AND e.session_id = a.session
                    WHERE {ReportQuery.Where} AND e.type IN ({Joined(funnel.Steps[step - 1])})
                      AND {At} >= a.reached_at
                    GROUP BY visitor_id, session, reached_at
                )
            )
            """;
    }
}
