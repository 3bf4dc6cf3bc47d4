using System.Globalization;
using System.Text;
using ClickTrace.Storage;

namespace ClickTrace.Analytics.Reports;

/// <summary>
/// The filter every report shares: one site, one period, and the dimension filters (each keeps the sessions
/// with an event that matches it). Bound as parameters, never spliced into SQL.
/// </summary>
public sealed record ReportQuery(string SiteId, ReportPeriod Period, IReadOnlyList<ReportFilter>? Filters = null)
{
    /// <summary>
    /// Where a report's SQL says which events it reads: <see cref="Expand"/> replaces it with the site and
    /// period, and a session condition per filter.
    /// </summary>
    public const string Where = "/*report-where*/";

    // The table is ordered by site and day: the day bounds let the engine skip other days' granules, which
    // bounds on the timestamp alone do not (it does not derive the day from them).
    private const string Range =
        "site_id = {site:String} AND toDate(timestamp) >= toDate({from:DateTime64(3, 'UTC')}) AND toDate(timestamp) <= toDate({to:DateTime64(3, 'UTC')})" +
        " AND timestamp >= {from:DateTime64(3, 'UTC')} AND timestamp < {to:DateTime64(3, 'UTC')}";

    /// <summary>The site, period, time zone and filter values, as bound parameters.</summary>
    public QueryParameters Parameters()
    {
        var parameters = new QueryParameters()
            .Add("site", SiteId)
            .Add("from", Period.From)
            .Add("to", Period.To)
            .Add("tz", Period.TimeZone.Id);
        for (var i = 0; i < (Filters?.Count ?? 0); i++)
        {
            var filter = Filters![i];
            var property = filter.Dimension.StartsWith(ReportFilter.PropertyPrefix, StringComparison.Ordinal);
            parameters.Add(Name(i), filter.Dimension == "page" ? PathPattern.Value(filter.Value) : filter.Value);
            if (property) parameters.Add(Name(i) + "_key", filter.Dimension[ReportFilter.PropertyPrefix.Length..]);
        }
        return parameters;
    }

    /// <summary><paramref name="sql"/> with each <see cref="Where"/> replaced by the site, period and filter conditions.</summary>
    public string Expand(string sql)
    {
        var where = new StringBuilder(Range);
        for (var i = 0; i < (Filters?.Count ?? 0); i++)
            where.Append(CultureInfo.InvariantCulture, $" AND session_id IN (SELECT session_id FROM events WHERE {Range} AND {Condition(Filters![i], Name(i))})");
        return sql.Replace(Where, where.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The same site and filters over the period of the same length just before this one.</summary>
    public ReportQuery Previous() => this with { Period = Period.Previous() };

    private static string Name(int i) => $"filter{i + 1}";

    private static string Condition(ReportFilter filter, string name) => filter.Dimension switch
    {
        "page" => $"type = 'pageview' AND {PathPattern.Condition("path", name, filter.Value)}",
        _ when filter.Dimension.StartsWith(ReportFilter.PropertyPrefix, StringComparison.Ordinal) => $"props[{{{name}_key:String}}] = {{{name}:String}}",
        _ => $"{ReportFilter.Dimensions[filter.Dimension]} = {{{name}:String}}",
    };
}

/// <summary>Runs report SQL with the query's conditions in place of <see cref="ReportQuery.Where"/>.</summary>
public static class ReportStore
{
    public static Task<QueryResult> QueryAsync(this IClickHouse store, ReportQuery query, string sql, QueryParameters parameters, CancellationToken cancellationToken) =>
        store.QueryAsync(query.Expand(sql), parameters, cancellationToken);
}
