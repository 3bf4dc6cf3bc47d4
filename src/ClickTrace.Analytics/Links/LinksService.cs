using System.Globalization;
using ClickTrace.Analytics.Reports;
using ClickTrace.Storage;

namespace ClickTrace.Analytics.Links;

/// <summary>The links report: the engine counts per link, <see cref="LinksShaping"/> rates, flags and ranks.</summary>
public sealed class LinksService(IClickHouse store)
{
    public const long DefaultMinImpressions = 100;
    public const int MaxLinks = 10_000;

    public async Task<LinksReport> GetAsync(ReportQuery query, long minImpressions = DefaultMinImpressions, CancellationToken cancellationToken = default)
    {
        var parameters = query.Parameters().Add("limit", MaxLinks);
        var rows = (await store.QueryAsync(LinksQueries.Links, parameters, cancellationToken).ConfigureAwait(false)).Rows;
        var counts = rows.Select(r => new LinkCounts(
            (string)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, Long(r[4]), Long(r[5]), Long(r[6]), Long(r[7]),
            Convert.ToInt32(r[8], CultureInfo.InvariantCulture), Convert.ToInt32(r[9], CultureInfo.InvariantCulture), Long(r[10]), Long(r[11])));
        return new LinksReport(query.SiteId, query.Period.From, query.Period.To, minImpressions, LinksShaping.Rows(counts, minImpressions));
    }

    private static long Long(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
