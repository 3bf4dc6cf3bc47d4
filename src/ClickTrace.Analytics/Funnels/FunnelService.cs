using ClickTrace.Analytics.Reports;
using ClickTrace.Storage;

namespace ClickTrace.Analytics.Funnels;

/// <summary>Computes a funnel: one engine query, then <see cref="FunnelShaping"/>.</summary>
public sealed class FunnelService(IClickHouse store)
{
    /// <param name="breakdown">A dimension of <see cref="ReportFilter.Dimensions"/> (not page) to break the funnel down by, or null.</param>
    /// <param name="compare">Also the funnel over the period just before, of the same length.</param>
    /// <exception cref="ArgumentException">The definition is not valid (see <see cref="FunnelDefinition.Validate"/>), or the dimension unknown.</exception>
    public async Task<FunnelReport> GetAsync(ReportQuery query, FunnelDefinition funnel, string? breakdown = null, bool compare = false,
        CancellationToken cancellationToken = default)
    {
        if (funnel.Validate() is { Count: > 0 } errors) throw new ArgumentException(string.Join(" ", errors), nameof(funnel));
        if (breakdown is not null && !IsBreakdownDimension(breakdown)) throw new ArgumentException($"Unknown breakdown dimension '{breakdown}'.", nameof(breakdown));
        var previous = compare ? CountsAsync(query.Previous(), funnel, cancellationToken) : null;
        var rows = breakdown is null ? null : BreakdownAsync(query, funnel, breakdown, cancellationToken);
        var report = await ReportAsync(query, funnel, cancellationToken).ConfigureAwait(false);
        return report with
        {
            Breakdown = rows is null ? null : new FunnelBreakdown(breakdown!, await rows.ConfigureAwait(false)),
            Previous = previous is null ? null : await previous.ConfigureAwait(false),
        };
    }

    /// <summary>The dimensions a funnel can be broken down by: those of the filters but the page.</summary>
    public static bool IsBreakdownDimension(string dimension) => dimension != "page" && ReportFilter.Dimensions.ContainsKey(dimension);

    private async Task<FunnelReport> ReportAsync(ReportQuery query, FunnelDefinition funnel, CancellationToken cancellationToken)
    {
        var (sql, parameters) = Statement(query, funnel);
        var row = (await store.QueryAsync(sql, parameters, cancellationToken).ConfigureAwait(false)).Rows.Single();
        var n = funnel.Steps.Count;
        var reached = Enumerable.Range(1, n).Select(k => Cells.Long(row[k])).ToList();
        // Row: entered, reached 1..n, medians 2..n, timed visitors 2..n. A median over no visitor is none.
        var medians = Enumerable.Range(2, n - 1)
            .Select(k => Cells.Long(row[2 * n + k - 2]) == 0 ? (double?)null : Cells.Double(row[n + k - 1])).ToList();
        return new FunnelReport(query.SiteId, query.Period.From, query.Period.To, funnel.Order, funnel.Window, Cells.Long(row[0]),
            FunnelShaping.Rows(funnel.Steps, reached, medians));
    }

    private async Task<FunnelComparison> CountsAsync(ReportQuery query, FunnelDefinition funnel, CancellationToken cancellationToken)
    {
        var report = await ReportAsync(query, funnel, cancellationToken).ConfigureAwait(false);
        return new FunnelComparison(query.Period.From, query.Period.To, report.Entered, report.Steps.Select(s => s.Visitors).ToList());
    }

    private async Task<IReadOnlyList<FunnelBreakdownRow>> BreakdownAsync(ReportQuery query, FunnelDefinition funnel, string dimension, CancellationToken cancellationToken)
    {
        var parameters = query.Parameters();
        var sql = query.Expand(FunnelBreakdownSql.Build(funnel, dimension, parameters));
        var n = funnel.Steps.Count;
        return (await store.QueryAsync(sql, parameters, cancellationToken).ConfigureAwait(false)).Rows.Select(r =>
        {
            var visitors = Enumerable.Range(2, n).Select(i => Cells.Long(r[i])).ToList();
            return new FunnelBreakdownRow((string)r[0]!, Cells.Long(r[1]), visitors, visitors.Select(v => FunnelShaping.Share(v, visitors[0])).ToList());
        }).ToList();
    }

    /// <summary>The engine statement and its parameters (for benchmarks and diagnostics).</summary>
    public static (string Sql, QueryParameters Parameters) Statement(ReportQuery query, FunnelDefinition funnel)
    {
        var parameters = query.Parameters();
        return (query.Expand(FunnelSql.Build(funnel, parameters)), parameters);
    }
}
