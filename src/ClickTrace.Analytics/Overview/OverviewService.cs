using ClickTrace.Analytics.Reports;
using ClickTrace.Storage;

namespace ClickTrace.Analytics.Overview;

/// <summary>
/// Builds the overview: ClickHouse aggregates, C# back-fills the series. Without dimension filters it reads
/// the day and quarter-hour rollups (<see cref="OverviewRollupQueries"/>); with them, the events.
/// </summary>
public sealed class OverviewService(IClickHouse store, TimeProvider? time = null)
{
    /// <summary>Read the events even when the rollups could answer (the tests compare both ways).</summary>
    internal bool AlwaysFromEvents { get; init; }

    private bool FromRollups(ReportQuery query) => !AlwaysFromEvents && query.Filters is not { Count: > 0 };

    public const int DefaultLimit = 10;
    public static readonly TimeSpan LiveWindow = TimeSpan.FromMinutes(5);

    /// <param name="compare">Also the headline numbers of the period just before, of the same length.</param>
    public async Task<OverviewReport> GetAsync(ReportQuery query, int limit = DefaultLimit, bool compare = false, CancellationToken cancellationToken = default)
    {
        var previous = compare ? TotalsAsync(query.Previous(), cancellationToken) : null;
        var report = await ReportAsync(query, limit, cancellationToken).ConfigureAwait(false);
        return previous is null ? report : report with { Previous = new(query.Previous().Period.From, query.Previous().Period.To, await previous.ConfigureAwait(false)) };
    }

    private async Task<OverviewTotals> TotalsAsync(ReportQuery query, CancellationToken cancellationToken) => FromRollups(query)
        ? Totals((await store.QueryAsync(OverviewRollupQueries.Totals, query.Parameters().WithDays(query.Period), cancellationToken).ConfigureAwait(false)).Rows.FirstOrDefault())
        : Totals((await store.QueryAsync(query, OverviewQueries.Totals, query.Parameters(), cancellationToken).ConfigureAwait(false)).Rows.FirstOrDefault());

    private static OverviewTotals Totals(object?[]? t) =>
        t is null ? new(0, 0, 0, 0) : new(Cells.Long(t[0]), Cells.Long(t[1]), Cells.Long(t[2]), Cells.Long(t[3]));

    private async Task<OverviewReport> ReportAsync(ReportQuery query, int limit, CancellationToken cancellationToken)
    {
        var now = (time ?? TimeProvider.System).GetUtcNow();
        var parameters = query.Parameters().Add("limit", Math.Clamp(limit, 1, 1000)).Add("live_from", now - LiveWindow).Add("live_to", now);
        var rollups = FromRollups(query);
        if (rollups) parameters.WithQuarters(query.Period).WithDays(query.Period);
        Task<QueryResult> Run(string events, string fromRollups) =>
            rollups ? store.QueryAsync(fromRollups, parameters, cancellationToken) : store.QueryAsync(query, events, parameters, cancellationToken);
        var visits = Run(OverviewQueries.Visits, OverviewRollupQueries.Visits);
        var live = store.QueryAsync(OverviewQueries.Live, parameters, cancellationToken);
        // From the rollups the visits carry the countries too.
        var countries = rollups ? null : store.QueryAsync(query, OverviewQueries.Countries, parameters, cancellationToken);
        var totals = Run(OverviewQueries.Totals, OverviewRollupQueries.Totals);
        var series = Run(OverviewQueries.Series(query.Period.Interval), OverviewRollupQueries.Series(query.Period.Interval));
        var pages = Run(OverviewQueries.TopPages, OverviewRollupQueries.TopPages);
        var clicks = Run(OverviewQueries.TopClicks, OverviewRollupQueries.TopClicks);
        await Task.WhenAll(totals, series, pages, clicks, visits, live, countries ?? Task.FromResult(QueryResult.Empty)).ConfigureAwait(false);
        var visitCounts = (await visits.ConfigureAwait(false)).Rows.Concat(countries is null ? [] : (await countries.ConfigureAwait(false)).Rows)
            .Select(r => new VisitCounts((string)r[0]!, (string)r[1]!, Cells.Long(r[2]), Cells.Long(r[3]), Cells.Long(r[4]), Cells.Long(r[5]))).ToList();

        return new OverviewReport(
            query.SiteId, query.Period.From, query.Period.To, query.Period.TimeZone.Id, query.Period.Interval,
            Totals((await totals.ConfigureAwait(false)).Rows.FirstOrDefault()),
            TimeSeries.Fill(query.Period, (await series.ConfigureAwait(false)).Rows.Select(r =>
                new SeriesPoint(new DateTimeOffset((DateTime)r[0]!, TimeSpan.Zero), Cells.Long(r[1]), Cells.Long(r[2])))),
            (await pages.ConfigureAwait(false)).Rows.Select(r => new PageRow((string)r[0]!, Cells.Long(r[1]), Cells.Long(r[2]))).ToList(),
            (await clicks.ConfigureAwait(false)).Rows.Select(r => new ClickRow(
                (string)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, (string)r[4]!, Cells.Long(r[5]), Cells.Long(r[6]))).ToList())
        {
            Visits = OverviewShaping.Visits(visitCounts),
            Breakdowns = OverviewShaping.Breakdowns(visitCounts, Math.Clamp(limit, 1, 1000)),
            LiveVisitors = Cells.Long((await live.ConfigureAwait(false)).Rows.Single()[0]),
        };
    }
}
