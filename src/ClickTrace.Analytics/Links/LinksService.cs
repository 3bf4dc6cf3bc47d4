using ClickTrace.Analytics.Reports;
using ClickTrace.Storage;

namespace ClickTrace.Analytics.Links;

/// <summary>
/// The links report: the engine counts per link (from the quarter-hour rollups when there is no dimension
/// filter) and its broken clicks, <see cref="LinksShaping"/> rates, flags and ranks.
/// </summary>
public sealed class LinksService(IClickHouse store)
{
    /// <summary>Count from the events even when the rollups could answer (the tests compare both ways).</summary>
    internal bool AlwaysFromEvents { get; init; }

    public const long DefaultMinImpressions = 100;
    public const int MaxLinks = 10_000;

    public async Task<LinksReport> GetAsync(ReportQuery query, long minImpressions = DefaultMinImpressions, CancellationToken cancellationToken = default)
    {
        var parameters = query.Parameters().Add("limit", MaxLinks);
        var countsQuery = !AlwaysFromEvents && query.Filters is not { Count: > 0 }
            ? store.QueryAsync(LinksRollupQueries.Counts, query.Parameters().Add("limit", MaxLinks).WithQuarters(query.Period), cancellationToken)
            : store.QueryAsync(query, LinksQueries.Counts, parameters, cancellationToken);
        var brokenQuery = store.QueryAsync(query, LinksQueries.Broken, parameters, cancellationToken);
        var frustrationQuery = store.QueryAsync(query, LinksQueries.Frustration, parameters, cancellationToken);
        await Task.WhenAll(countsQuery, brokenQuery, frustrationQuery).ConfigureAwait(false);
        var broken = (await brokenQuery.ConfigureAwait(false)).Rows.ToDictionary(r => ((string)r[0]!, (string)r[1]!), r => (Cells.Long(r[2]), Cells.Long(r[3])));
        var counts = (await countsQuery.ConfigureAwait(false)).Rows.Select(r =>
        {
            var (clicks, visitors) = broken.GetValueOrDefault(((string)r[0]!, (string)r[1]!));
            return new LinkCounts(
                (string)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, Cells.Long(r[4]), Cells.Long(r[5]), Cells.Long(r[6]), Cells.Long(r[7]),
                Cells.Int(r[8]), Cells.Int(r[9]), clicks, visitors);
        });
        return new LinksReport(query.SiteId, query.Period.From, query.Period.To, minImpressions, LinksShaping.Rows(counts, minImpressions))
        {
            Frustrating = (await frustrationQuery.ConfigureAwait(false)).Rows.Select(r => new FrustratingElement((string)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!,
                Cells.Long(r[4]), Cells.Long(r[5]), Cells.Long(r[6]), Cells.Long(r[7]))).ToList(),
        };
    }
}
