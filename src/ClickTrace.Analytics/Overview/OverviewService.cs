using ClickTrace.Analytics.Reports;
using ClickTrace.Storage;

namespace ClickTrace.Analytics.Overview;

/// <summary>Builds the overview: ClickHouse aggregates, C# back-fills the series.</summary>
public sealed class OverviewService(IClickHouse store)
{
    public const int DefaultLimit = 10;

    public async Task<OverviewReport> GetAsync(ReportQuery query, int limit = DefaultLimit, CancellationToken cancellationToken = default)
    {
        var parameters = query.Parameters().Add("limit", Math.Clamp(limit, 1, 1000));
        var totals = store.QueryAsync(OverviewQueries.Totals, parameters, cancellationToken);
        var series = store.QueryAsync(OverviewQueries.Series(query.Period.Interval), parameters, cancellationToken);
        var pages = store.QueryAsync(OverviewQueries.TopPages, parameters, cancellationToken);
        var clicks = store.QueryAsync(OverviewQueries.TopClicks, parameters, cancellationToken);
        await Task.WhenAll(totals, series, pages, clicks).ConfigureAwait(false);

        var t = (await totals.ConfigureAwait(false)).Rows.FirstOrDefault() ?? [0UL, 0UL, 0UL, 0UL];
        return new OverviewReport(
            query.SiteId, query.Period.From, query.Period.To, query.Period.TimeZone.Id, query.Period.Interval,
            new OverviewTotals(Cells.Long(t[0]), Cells.Long(t[1]), Cells.Long(t[2]), Cells.Long(t[3])),
            TimeSeries.Fill(query.Period, (await series.ConfigureAwait(false)).Rows.Select(r =>
                new SeriesPoint(new DateTimeOffset((DateTime)r[0]!, TimeSpan.Zero), Cells.Long(r[1]), Cells.Long(r[2])))),
            (await pages.ConfigureAwait(false)).Rows.Select(r => new PageRow((string)r[0]!, Cells.Long(r[1]), Cells.Long(r[2]))).ToList(),
            (await clicks.ConfigureAwait(false)).Rows.Select(r => new ClickRow(
                (string)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, (string)r[4]!, Cells.Long(r[5]), Cells.Long(r[6]))).ToList());
    }
}
