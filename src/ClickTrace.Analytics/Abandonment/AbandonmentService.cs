using ClickTrace.Analytics.Funnels;
using ClickTrace.Analytics.Reports;
using ClickTrace.Storage;

namespace ClickTrace.Analytics.Abandonment;

/// <summary>The drill-down of one funnel step: one engine query, then <see cref="AbandonmentShaping"/>.</summary>
public sealed class AbandonmentService(IClickHouse store)
{
    /// <param name="step">1 to the number of steps minus one: the step the visitors reached and did not go on from.</param>
    /// <exception cref="ArgumentException">The definition is not valid, or there is no such step with a next one.</exception>
    public async Task<AbandonmentReport> GetAsync(ReportQuery query, FunnelDefinition funnel, int step, CancellationToken cancellationToken = default)
    {
        if (funnel.Validate() is { Count: > 0 } errors) throw new ArgumentException(string.Join(" ", errors), nameof(funnel));
        if (step < 1 || step >= funnel.Steps.Count)
            throw new ArgumentOutOfRangeException(nameof(step), step, $"The step is 1 to {funnel.Steps.Count - 1}: one that has a next step.");
        var (sql, parameters) = Statement(query, funnel, step);
        var row = (await store.QueryAsync(sql, parameters, cancellationToken).ConfigureAwait(false)).Rows.Single();
        var abandoned = Cells.Long(row[0]);
        return new AbandonmentReport(
            query.SiteId, query.Period.From, query.Period.To, step, funnel.Steps[step - 1].Describe(), funnel.Steps[step].Describe(), abandoned,
            AbandonmentShaping.Destinations(Map(row[1], row[2], Cells.Long), abandoned),
            AbandonmentShaping.Fields(Map(row[3], row[4], Cells.Long), Map(row[5], row[6], Cells.Double), abandoned),
            AbandonmentShaping.Frustration(Map(row[7], row[8], Cells.Long), Map(row[9], row[10], Cells.Long)),
            Samples((object?[])row[11]!, (object?[])row[12]!, (object?[])row[13]!));
    }

    /// <summary>The engine statement and its parameters (for benchmarks and diagnostics).</summary>
    public static (string Sql, QueryParameters Parameters) Statement(ReportQuery query, FunnelDefinition funnel, int step)
    {
        var parameters = query.Parameters();
        return (query.Expand(AbandonmentSql.Build(funnel, step, parameters)), parameters);
    }

    private static List<SessionSample> Samples(object?[] sessions, object?[] visitors, object?[] reached) =>
        Enumerable.Range(0, sessions.Length)
            .Select(i => new SessionSample(AbandonmentShaping.Id((ulong)sessions[i]!), AbandonmentShaping.Id((ulong)visitors[i]!),
                DateTimeOffset.FromUnixTimeMilliseconds(Cells.Long(reached[i]))))
            .OrderByDescending(s => s.ReachedAt).ThenBy(s => s.SessionId, StringComparer.Ordinal).ToList();

    private static Dictionary<string, T> Map<T>(object? keys, object? values, Func<object?, T> read) =>
        ((System.Collections.IEnumerable)keys!).Cast<string>()
            .Zip(((System.Collections.IEnumerable)values!).Cast<object?>(), (k, v) => (k, read(v)))
            .ToDictionary(p => p.k, p => p.Item2, StringComparer.Ordinal);
}
