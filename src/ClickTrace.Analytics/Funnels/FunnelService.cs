using ClickTrace.Analytics.Reports;
using ClickTrace.Storage;

namespace ClickTrace.Analytics.Funnels;

/// <summary>Computes a funnel: one engine query, then <see cref="FunnelShaping"/>.</summary>
public sealed class FunnelService(IClickHouse store)
{
    /// <exception cref="ArgumentException">The definition is not valid (see <see cref="FunnelDefinition.Validate"/>).</exception>
    public async Task<FunnelReport> GetAsync(ReportQuery query, FunnelDefinition funnel, CancellationToken cancellationToken = default)
    {
        if (funnel.Validate() is { Count: > 0 } errors) throw new ArgumentException(string.Join(" ", errors), nameof(funnel));
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

    /// <summary>The engine statement and its parameters (for benchmarks and diagnostics).</summary>
    public static (string Sql, QueryParameters Parameters) Statement(ReportQuery query, FunnelDefinition funnel)
    {
        var parameters = query.Parameters();
        return (query.Expand(FunnelSql.Build(funnel, parameters)), parameters);
    }
}
