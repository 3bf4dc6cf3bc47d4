using ClickTrace.Collector.Shipping;

namespace ClickTrace.Collector.Tests.Shipping;

public sealed class RecentEventIdsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Ids_are_remembered_for_the_window_then_forgotten()
    {
        var recent = new RecentEventIds(TimeSpan.FromMinutes(5), 100);
        var a = Guid.NewGuid();
        recent.Add([a], T0);

        recent.Add([], T0.AddMinutes(4));
        Assert.True(recent.Contains(a));
        recent.Add([], T0.AddMinutes(5));
        Assert.False(recent.Contains(a));
    }

    [Fact]
    public void Past_the_capacity_the_oldest_ids_are_forgotten_first()
    {
        var recent = new RecentEventIds(TimeSpan.FromMinutes(5), 2);
        var ids = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();

        recent.Add(ids, T0);

        Assert.Equal([false, true, true], ids.Select(recent.Contains));
        Assert.Equal(2, recent.Count);
    }

    [Fact]
    public void A_zero_window_remembers_nothing()
    {
        var recent = new RecentEventIds(TimeSpan.Zero, 100);
        var a = Guid.NewGuid();
        recent.Add([a], T0);
        Assert.False(recent.Contains(a));
    }
}
