using ClickTrace.Core.Events;

namespace ClickTrace.Traffic.DemoShop;

/// <summary>One generated visit: the plan and the events the tag would have sent for it.</summary>
public sealed record GeneratedVisit(VisitPlan Plan, ulong VisitorId, ulong SessionId, IReadOnlyList<TrackedEvent> Events);

/// <summary>
/// Fast-mode traffic for the demo shop: the planned visitors, each at a random moment between
/// <paramref name="from"/> and <paramref name="to"/>, rendered into events. Reproducible from the seed.
/// </summary>
public static class DemoShopTraffic
{
    public static IEnumerable<GeneratedVisit> Generate(DemoShopTrafficOptions options, string siteId, string origin, DateTimeOffset from, DateTimeOffset to)
    {
        var plans = DemoShopPlanner.Plan(options);
        var random = new Random(options.Seed ^ 0x5eed);
        var span = (to - from).TotalMilliseconds;
        foreach (var plan in plans)
        {
            var visitor = (ulong)random.NextInt64(1, long.MaxValue);
            var session = (ulong)random.NextInt64(1, long.MaxValue);
            var start = from.AddMilliseconds(random.NextDouble() * span);
            var country = TrafficCountries.For(visitor);
            var events = DemoShopEvents.Render(plan, siteId, origin, visitor, session, start, random);
            yield return new GeneratedVisit(plan, visitor, session, country.Length == 0 ? events : events.Select(e => e with { Country = country }).ToList());
        }
    }
}
