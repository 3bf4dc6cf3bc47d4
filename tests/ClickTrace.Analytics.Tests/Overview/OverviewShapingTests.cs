using ClickTrace.Analytics.Overview;

namespace ClickTrace.Analytics.Tests.Overview;

public sealed class OverviewShapingTests
{
    [Fact]
    public void Without_sessions_the_visit_stats_are_zero_not_a_division_by_zero()
    {
        Assert.Equal(new VisitStats(0, 0, 0, TimeSpan.Zero), OverviewShaping.Visits([]));
        Assert.Equal(new VisitStats(0, 0, 0, TimeSpan.Zero), OverviewShaping.Visits([new("all", "", 0, 0, 0, 0)]));
    }

    [Fact]
    public void The_average_duration_is_the_total_over_the_sessions_to_the_millisecond()
    {
        var stats = OverviewShaping.Visits([new("all", "", 3, 2, 2, 10_000), new("entry", "/", 3, 2, 2, 10_000)]);

        Assert.Equal((3L, 2L, 2.0 / 3, TimeSpan.FromMilliseconds(3333)), (stats.Sessions, stats.Bounces, stats.BounceRate, stats.AverageDuration));
    }

    [Fact]
    public void Every_dimension_is_listed_in_order_with_its_most_common_values_up_to_the_limit()
    {
        var breakdowns = OverviewShaping.Breakdowns([new("device", "mobile", 5, 5, 0, 0), new("device", "desktop", 9, 8, 0, 0), new("device", "tablet", 1, 1, 0, 0)], limit: 2);

        Assert.Equal(OverviewShaping.Dimensions, breakdowns.Select(b => b.Dimension));
        Assert.Equal(["desktop", "mobile"], breakdowns.Single(b => b.Dimension == "device").Rows.Select(r => r.Value));
        Assert.Empty(breakdowns[0].Rows);
    }
}
