using ClickTrace.Analytics.Abandonment;
using ClickTrace.Analytics.Funnels;
using ClickTrace.Analytics.Reports;

namespace ClickTrace.Server.Components.Pages;

/// <summary>
/// The drill-down a designer most likely opens next, started as soon as its funnel is known: the funnel page
/// starts the abandonment of the step with the largest drop-off (the one it highlights) while the page goes to
/// the browser, and a click on that drop-off takes the report, ready or still running, instead of starting
/// it. A started report is kept for <see cref="KeepFor"/>, at most <see cref="Capacity"/> of them (the
/// oldest goes first); one that failed or was not asked for in time is simply computed again.
/// </summary>
public sealed class AbandonmentPrefetch(AbandonmentService abandonment, TimeProvider time)
{
    public const int Capacity = 16;
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);
    // A prefetch nobody waits for must not hold an engine connection forever.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (Task<AbandonmentReport> Report, DateTimeOffset Until)> _started = new(StringComparer.Ordinal);

    /// <summary>Starts the report of <paramref name="step"/>, unless the same report is already started.</summary>
    public void Start(ReportQuery query, FunnelDefinition funnel, int step)
    {
        var key = Key(query, funnel, step);
        var now = time.GetUtcNow();
        lock (_lock)
        {
            foreach (var expired in _started.Where(e => e.Value.Until <= now).Select(e => e.Key).ToList()) _started.Remove(expired);
            if (_started.ContainsKey(key)) return;
            if (_started.Count >= Capacity) _started.Remove(_started.MinBy(e => e.Value.Until).Key);
            _started[key] = (Compute(query, funnel, step), now + KeepFor);
        }
    }

    /// <summary>The report of <paramref name="step"/>: the one started for it when there is one, else computed now.</summary>
    public Task<AbandonmentReport> GetAsync(ReportQuery query, FunnelDefinition funnel, int step, CancellationToken cancellationToken)
    {
        var key = Key(query, funnel, step);
        lock (_lock)
        {
            if (_started.TryGetValue(key, out var started) && started.Until > time.GetUtcNow() && !started.Report.IsFaulted && !started.Report.IsCanceled)
                return started.Report.WaitAsync(cancellationToken);
        }
        return abandonment.GetAsync(query, funnel, step, cancellationToken);
    }

    private async Task<AbandonmentReport> Compute(ReportQuery query, FunnelDefinition funnel, int step)
    {
        using var timeout = new CancellationTokenSource(Timeout, time);
        return await abandonment.GetAsync(query, funnel, step, timeout.Token).ConfigureAwait(false);
    }

    // The statement itself names the report: the same SQL with the same values computes the same numbers.
    private static string Key(ReportQuery query, FunnelDefinition funnel, int step)
    {
        var (sql, parameters) = AbandonmentService.Statement(query, funnel, step);
        return sql + "\n" + string.Join("\n", parameters.Select(p => p.Key + "=" + p.Value));
    }
}
