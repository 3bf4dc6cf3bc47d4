using System.Globalization;
using System.Text;
using ClickTrace.Analytics.Reports;
using ClickTrace.Storage;

namespace ClickTrace.Analytics.Funnels;

/// <summary>
/// A funnel broken down by a dimension: each visitor's level (as in <see cref="FunnelSql"/>) and the
/// dimension's first non-empty value among the visitor's events in the range ('' when none), then per value
/// the visitors who entered and reached each step. The column comes from a fixed list; values are bound.
/// </summary>
internal static class FunnelBreakdownSql
{
    public const int MaxValues = 20;

    public static string Build(FunnelDefinition funnel, string dimension, QueryParameters parameters)
    {
        var column = ReportFilter.Dimensions[dimension];
        var n = funnel.Steps.Count;
        var sql = new StringBuilder("SELECT value, count()");
        for (var k = 1; k <= n; k++) sql.Append(CultureInfo.InvariantCulture, $", countIf(level >= {k})");
        sql.Append(CultureInfo.InvariantCulture, $"""

            FROM
            (
                SELECT visitor_id, {FunnelSql.Level(funnel, parameters)} AS level
                FROM ({FunnelSql.Matches(funnel, parameters)})
                GROUP BY visitor_id
                HAVING level > 0
            ) AS levels
            LEFT JOIN
            (
                SELECT visitor_id, argMinIf({column}, timestamp, {column} != '') AS value
                FROM events
                WHERE {ReportQuery.Where}
                GROUP BY visitor_id
            ) AS dimension USING (visitor_id)
            GROUP BY value
            ORDER BY count() DESC, value
            LIMIT {MaxValues}
            """);
        return sql.ToString();
    }
}
