using System.Text.RegularExpressions;
using ClickTrace.Analytics.Funnels;
using ClickTrace.Core.Events;

namespace ClickTrace.Analytics.Tests.Funnels;

/// <summary>
/// The funnel computed in plain C# over the events themselves, written from the definitions, not from
/// the SQL: each event counts for every step it matches (in step order when one event matches several);
/// ordered mode is the longest chain from any start within the window, found by trying every start;
/// strict mode follows ClickHouse's strict_order rule (a step seen before the one it follows stops the
/// search); times are measured on the first pass (the first start, then the earliest next steps).
/// </summary>
internal static class BruteForceFunnel
{
    public sealed record Result(long Entered, long[] Reached, double?[] MedianMs);

    public static Result Compute(IEnumerable<TrackedEvent> events, FunnelDefinition funnel, DateTimeOffset from, DateTimeOffset to, string site)
    {
        var n = funnel.Steps.Count;
        var window = (long)funnel.Window.TotalMilliseconds;
        var reached = new long[n];
        var times = Enumerable.Range(0, n).Select(_ => new List<long>()).ToArray();
        long entered = 0;
        var visitors = events.Where(e => e.SiteId == site && e.Timestamp >= from && e.Timestamp < to).GroupBy(e => e.VisitorId);
        foreach (var visitor in visitors)
        {
            var entries = Entries(visitor, funnel);
            var level = Level(entries, funnel);
            if (level == 0) continue;
            entered++;
            for (var k = 0; k < level; k++) reached[k]++;
            var pass = FirstPass(entries, n, window);
            for (var k = 1; k < Math.Min(level, pass.Count); k++) times[k].Add(pass[k] - pass[k - 1]);
        }
        return new Result(entered, reached, times.Skip(1).Select(t => t.Count == 0 ? (double?)null : UpperMedian(t)).ToArray());
    }

    /// <summary>A visitor's events as (time, step) for each step they match, in time and step order.</summary>
    public static List<(long Ts, int Step)> Entries(IEnumerable<TrackedEvent> visitor, FunnelDefinition funnel) =>
        visitor
            .SelectMany(e => Enumerable.Range(0, funnel.Steps.Count).Where(i => Matches(funnel.Steps[i], e)).Select(i => (Ts: e.Timestamp.ToUnixTimeMilliseconds(), Step: i)))
            .OrderBy(x => x.Ts).ThenBy(x => x.Step).ToList();

    /// <summary>How many steps the visitor reached in order within the window (0: never started).</summary>
    public static int Level(List<(long Ts, int Step)> entries, FunnelDefinition funnel)
    {
        var window = (long)funnel.Window.TotalMilliseconds;
        if (entries.Count == 0) return 0;
        return funnel.Order == FunnelOrder.Strict ? StrictLevel(entries, funnel.Steps.Count, window) : OrderedLevel(entries, funnel.Steps.Count, window);
    }

    private static int OrderedLevel(List<(long Ts, int Step)> entries, int n, long window)
    {
        var best = 0;
        for (var s = 0; s < entries.Count; s++)
        {
            if (entries[s].Step != 0) continue;
            var level = 1;
            for (var i = s + 1; i < entries.Count && level < n && entries[i].Ts <= entries[s].Ts + window; i++)
                if (entries[i].Step == level) level++;
            best = Math.Max(best, level);
        }
        return best;
    }

    private static int StrictLevel(List<(long Ts, int Step)> entries, int n, long window)
    {
        var start = new long?[n];
        var first = false;
        foreach (var (ts, step) in entries)
        {
            if (step == 0)
            {
                start[0] = ts;
                first = true;
            }
            else if (first && start[step - 1] is null)
                return Array.FindIndex(start, s => s is null);
            else if (start[step - 1] is { } begin && ts <= begin + window)
            {
                start[step] = begin;
                if (step == n - 1) return n;
            }
        }
        return Array.FindLastIndex(start, s => s is not null) + 1;
    }

    private static List<long> FirstPass(List<(long Ts, int Step)> entries, int n, long window)
    {
        var pass = new List<long>();
        foreach (var (ts, step) in entries)
            if (pass.Count < n && step == pass.Count && (pass.Count == 0 || ts <= pass[0] + window)) pass.Add(ts);
        return pass;
    }

    /// <summary>The value in the middle of the sorted list; of the two middle ones, the upper (as ClickHouse's medianExact).</summary>
    public static double UpperMedian(List<long> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    /// <summary>Whether <paramref name="path"/> is the page <paramref name="pattern"/> names (exact, or with * wildcards).</summary>
    public static bool IsPage(string path, string pattern) =>
        Regex.IsMatch(path, "^" + string.Join(".*", pattern.Split('*').Select(Regex.Escape)) + "$", RegexOptions.Singleline);

    public static bool Matches(FunnelStep step, TrackedEvent e) => step.Kind switch
    {
        FunnelStepKind.Page => e.Type == EventType.Pageview && IsPage(e.Path, step.Value!),
        FunnelStepKind.Step => e.Type == EventType.Step && e.Name == step.Value,
        FunnelStepKind.ClickSelector => e.Type == EventType.Click && e.Selector == step.Value,
        FunnelStepKind.ClickText => e.Type == EventType.Click && e.Text == step.Value,
        FunnelStepKind.Custom => e.Type == EventType.Custom && e.Name == step.Value,
        FunnelStepKind.AnyOf => step.AnyOf!.Any(s => Matches(s, e)),
        _ => false,
    };
}
