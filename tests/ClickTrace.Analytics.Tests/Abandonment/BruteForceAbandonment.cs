using ClickTrace.Analytics.Funnels;
using ClickTrace.Analytics.Tests.Funnels;
using ClickTrace.Core.Events;

namespace ClickTrace.Analytics.Tests.Abandonment;

/// <summary>
/// The abandonment drill-down in plain C#, from its definition: the visitors whose level is the step; for
/// each, the session of the last event matching the step and that session's events from then on (page
/// views, form and click events, in time order); the next page view after it or none; on the step's page
/// (before that page view) the abandoned field, else the last field used; and the rage, dead and error clicks.
/// </summary>
internal static class BruteForceAbandonment
{
    public sealed record Result(
        long Abandoned, Dictionary<string, long> Destinations, Dictionary<string, long> Fields, Dictionary<string, double> FieldMedianMs,
        Dictionary<(string Type, string Selector), long> Clicks, Dictionary<(string Type, string Selector), long> Visitors,
        Dictionary<ulong, (ulong Session, long ReachedAt)> ByVisitor);

    private static readonly EventType[] Skipped = [EventType.Impression, EventType.AdView, EventType.Engage];
    private static readonly EventType[] Frustrating = [EventType.Rage, EventType.Dead, EventType.ErrorClick];

    public static Result Compute(IEnumerable<TrackedEvent> events, FunnelDefinition funnel, int step, DateTimeOffset from, DateTimeOffset to, string site)
    {
        var destinations = new Dictionary<string, long>();
        var fields = new Dictionary<string, long>();
        var fieldTimes = new Dictionary<string, List<long>>();
        var clicks = new Dictionary<(string, string), long>();
        var visitors = new Dictionary<(string, string), long>();
        var byVisitor = new Dictionary<ulong, (ulong, long)>();
        foreach (var visitor in events.Where(e => e.SiteId == site && e.Timestamp >= from && e.Timestamp < to).GroupBy(e => e.VisitorId))
        {
            if (BruteForceFunnel.Level(BruteForceFunnel.Entries(visitor, funnel), funnel) != step) continue;
            var last = visitor.Where(e => BruteForceFunnel.Matches(funnel.Steps[step - 1], e)).MaxBy(e => e.Timestamp)!;
            var reachedAt = last.Timestamp.ToUnixTimeMilliseconds();
            byVisitor[visitor.Key] = (last.SessionId, reachedAt);
            var rest = visitor
                .Where(e => e.SessionId == last.SessionId && !Skipped.Contains(e.Type) && e.Timestamp.ToUnixTimeMilliseconds() >= reachedAt)
                .OrderBy(e => e.Timestamp).ThenBy(e => e.Type.Name(), StringComparer.Ordinal).ThenBy(e => e.Path, StringComparer.Ordinal)
                .ThenBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.DurationMs).ThenBy(e => e.Selector, StringComparer.Ordinal)
                .ToList();
            var next = rest.FindIndex(e => e.Type == EventType.Pageview && e.Timestamp.ToUnixTimeMilliseconds() > reachedAt);
            var page = next < 0 ? rest : rest[..next];
            Add(destinations, next < 0 ? "" : rest[next].Path, 1);
            var field = page.LastOrDefault(e => e.Type == EventType.Abandon) ?? page.LastOrDefault(e => e.Type == EventType.Field);
            Add(fields, field?.Name ?? "", 1);
            if (field is not null)
            {
                if (!fieldTimes.TryGetValue(field.Name, out var times)) fieldTimes[field.Name] = times = [];
                times.Add(field.DurationMs);
            }
            var frustrating = page.Where(e => Frustrating.Contains(e.Type)).Select(e => (e.Type.Name(), e.Selector)).ToList();
            foreach (var key in frustrating) Add(clicks, key, 1);
            foreach (var key in frustrating.Distinct()) Add(visitors, key, 1);
        }
        return new Result(byVisitor.Count, destinations, fields, fieldTimes.ToDictionary(f => f.Key, f => BruteForceFunnel.UpperMedian(f.Value)),
            clicks, visitors, byVisitor);
    }

    private static void Add<TKey>(Dictionary<TKey, long> counts, TKey key, long n) where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + n;
}
