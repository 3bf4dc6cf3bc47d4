using ClickTrace.Analytics.Reports;

namespace ClickTrace.Analytics.Ads;

/// <summary>
/// The ads report's queries, both per session. <c>{goal}</c> is the goal's condition (its values bound by
/// the caller); every other value is a bound parameter of <see cref="ReportQuery"/>.
/// </summary>
internal static class AdsQueries
{
    /// <summary>
    /// Campaign visits: a session's campaign is that of its first event with one (its landing); it converted
    /// when the goal happened in it. Per source / medium / campaign / content: visits, visitors, conversions, revenue.
    /// </summary>
    public static string Campaigns(string goal) => $"""
        SELECT c.1, c.2, c.3, c.4, count(), uniqExact(visitor_id), countIf(converted), toString(sum(session_revenue))
        FROM
        (
            SELECT session_id, any(visitor_id) AS visitor_id,
                   argMinIf((utm_source, utm_medium, utm_campaign, utm_content), timestamp, utm_source != '' OR utm_campaign != '') AS c,
                   countIf({goal}) > 0 AS converted, sum(revenue) AS session_revenue
            FROM events
            WHERE {ReportQuery.Where}
            GROUP BY session_id
            HAVING countIf(utm_source != '' OR utm_campaign != '') > 0
        )
        GROUP BY c.1, c.2, c.3, c.4
        LIMIT 10000
        """;

    /// <summary>
    /// Placement visits: each ad value a session saw or clicked; it converted when the goal happened at or
    /// after the first time; revenue after that too. Per ad value: views, clicks, visits, visitors, conversions, revenue.
    /// </summary>
    public static string Placements(string goal) => $"""
        SELECT ad, sum(views), sum(clicks), count(), uniqExact(visitor_id), countIf(converted), toString(sum(revenue_after))
        FROM
        (
            SELECT visitor_id, ad,
                   arrayCount(x -> x.1 = ad AND x.2 = 'adview', ads) AS views,
                   arrayCount(x -> x.1 = ad AND x.2 = 'click', ads) AS clicks,
                   arrayMin(arrayMap(x -> x.3, arrayFilter(x -> x.1 = ad, ads))) AS first_seen,
                   arrayExists(g -> g >= first_seen, goals) AS converted,
                   arraySum(arrayMap(r -> if(r.1 >= first_seen, r.2, toDecimal64(0, 4)), revenues)) AS revenue_after
            FROM
            (
                SELECT session_id, any(visitor_id) AS visitor_id,
                       groupArrayIf((ad, type, timestamp), ad != '' AND type IN ('adview', 'click')) AS ads,
                       groupArrayIf(timestamp, {goal}) AS goals,
                       groupArrayIf((timestamp, revenue), revenue != 0) AS revenues
                FROM events
                WHERE {ReportQuery.Where}
                GROUP BY session_id
                HAVING length(ads) > 0
            )
            ARRAY JOIN arrayDistinct(arrayMap(x -> x.1, ads)) AS ad
        )
        GROUP BY ad
        LIMIT 10000
        """;
}
