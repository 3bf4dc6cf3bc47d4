using ClickTrace.Analytics.Funnels;

namespace ClickTrace.Analytics.Overview;

/// <summary>One row of the visits query: a dimension's value and its sessions, visitors, bounces and total duration.</summary>
public sealed record VisitCounts(string Dimension, string Value, long Sessions, long Visitors, long Bounces, long DurationMs);

/// <summary>Bounce rate, average duration and the breakdown tables: plain C#, unit-tested without a database.</summary>
public static class OverviewShaping
{
    public static readonly IReadOnlyList<string> Dimensions = ["entry", "exit", "source", "campaign", "channel", "device", "browser", "os", "country"];

    public static VisitStats Visits(IEnumerable<VisitCounts> rows)
    {
        var all = rows.FirstOrDefault(r => r.Dimension == "all");
        return all is null || all.Sessions == 0
            ? new VisitStats(0, 0, 0, TimeSpan.Zero)
            : new VisitStats(all.Sessions, all.Bounces, FunnelShaping.Share(all.Bounces, all.Sessions), TimeSpan.FromMilliseconds(Math.Round((double)all.DurationMs / all.Sessions)));
    }

    /// <summary>Each dimension (all of them, in order, empty ones too) with its <paramref name="limit"/> most common values.</summary>
    public static IReadOnlyList<Breakdown> Breakdowns(IEnumerable<VisitCounts> rows, int limit)
    {
        var byDimension = rows.Where(r => r.Dimension != "all").ToLookup(r => r.Dimension);
        return Dimensions.Select(d => new Breakdown(d, byDimension[d]
                .OrderByDescending(r => r.Sessions).ThenBy(r => r.Value, StringComparer.Ordinal).Take(limit)
                .Select(r => new BreakdownRow(r.Value, r.Sessions, r.Visitors)).ToList()))
            .ToList();
    }
}
