using ClickTrace.Analytics.Reports;

namespace ClickTrace.Analytics.Ads;

/// <summary>
/// The ads report's query, per session. <c>{goal}</c> is the goal's condition (its values bound by the caller);
/// every other value is a bound parameter of <see cref="ReportQuery"/>.
/// </summary>
internal static class AdsQueries
{
    /// <summary>A result row of <see cref="Visits"/> about a campaign (source, medium, campaign, content).</summary>
    public const byte Campaign = 0;

    /// <summary>A result row of <see cref="Visits"/> about an on-site ad value (in the first name column).</summary>
    public const byte Placement = 1;

    /// <summary>
    /// Campaign and placement visits in one pass over the period's events, as rows
    /// (kind, name 1-4, views, clicks, visits, visitors, conversions, revenue).
    /// A session's campaign is that of its first event with one (its landing); it converted when the goal
    /// happened in it, and its revenue is all of the session's. A session counts once for each ad value it
    /// saw or clicked; it converted when the goal happened at or after the first time, and the revenue is
    /// what came after that too. Only the events that can matter are grouped (campaign-tagged, ad, goal and
    /// revenue events: a session without a campaign or an ad is not in the report), which on shop traffic
    /// is a few percent of them; both kinds then come out of one list per session, the campaign's entry
    /// with a first time of 0 so that "after it" is the whole session.
    /// </summary>
    public static string Visits(string goal) => $"""
        SELECT v.1, v.2.1, v.2.2, v.2.3, v.2.4, sum(v.3), sum(v.4), count(), uniqExact(visitor_id),
               countIf(notEmpty(goals) AND arrayMax(goals) >= v.5),
               toString(sum(arraySum(arrayMap(r -> if(r.1 >= v.5, r.2, toDecimal64(0, 4)), revenues))))
        FROM
        (
            SELECT visitor_id, goals, revenues,
                   arrayJoin(arrayConcat(
                       if(has_campaign, [({Campaign}, c, toUInt64(0), toUInt64(0), toInt64(0))], []),
                       arrayMap((ad, views, clicks, first) -> ({Placement}, (ad, '', '', ''), views, clicks, first),
                                per_ad.1, per_ad.2, per_ad.3, arrayReduce('minMap', [ads.1], [ads.3]).2))) AS v
            FROM
            (
            SELECT *,
                   -- Per ad value, its views, clicks and (a count that is never 0, so that sumMap keeps every value)
                   -- its entries; minMap gives each value's first time, in the same order of values. One pass over
                   -- the session's ad events, where a scan per distinct value would be quadratic in a session
                   -- that shows many values.
                   arrayReduce('sumMap', [ads.1], [arrayMap(x -> toUInt64(x.2 = 'adview'), ads)], [arrayMap(x -> toUInt64(x.2 = 'click'), ads)],
                               [arrayWithConstant(length(ads), toUInt64(1))]) AS per_ad
            FROM
            (
                SELECT session_id, any(visitor_id) AS visitor_id,
                       argMinIf((utm_source, utm_medium, utm_campaign, utm_content), timestamp, utm_source != '' OR utm_campaign != '') AS c,
                       countIf(utm_source != '' OR utm_campaign != '') > 0 AS has_campaign,
                       groupArrayIf((ad, type, toUnixTimestamp64Milli(timestamp)), ad != '' AND type IN ('adview', 'click')) AS ads,
                       groupArrayIf(toUnixTimestamp64Milli(timestamp), {goal}) AS goals,
                       groupArrayIf((toUnixTimestamp64Milli(timestamp), revenue), revenue != 0) AS revenues
                FROM events
                WHERE {ReportQuery.Where} AND (utm_source != '' OR utm_campaign != '' OR ad != '' OR revenue != 0 OR {goal})
                GROUP BY session_id
                HAVING has_campaign OR notEmpty(ads)
            )
            )
        )
        GROUP BY v.1, v.2
        LIMIT 20000
        """;
}
