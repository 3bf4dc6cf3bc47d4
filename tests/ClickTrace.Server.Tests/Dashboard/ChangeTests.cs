using ClickTrace.Server.Components.Shared;

namespace ClickTrace.Server.Tests.Dashboard;

public sealed class ChangeTests
{
    [Theory]
    [InlineData(112, 100, "▲ 12 %")]
    [InlineData(95, 100, "▼ 5 %")]
    [InlineData(1001, 1000, "▲ 0.1 %")]
    [InlineData(1050, 1000, "▲ 5 %")]
    [InlineData(100, 100, "= 0 %")]
    [InlineData(7, 0, "new")]
    [InlineData(0, 0, "—")]
    [InlineData(0, 40, "▼ 100 %")]
    public void A_count_changes_by_its_share_of_the_previous_one(long current, long previous, string text) =>
        Assert.Equal(text, Change.Of(current, previous));

    [Theory]
    [InlineData(0.25, 0.218, "+3.2 pts")]
    [InlineData(0.20, 0.21, "−1.0 pts")]
    [InlineData(0.5, 0.5, "±0 pts")]
    public void A_rate_changes_by_percentage_points(double current, double previous, string text) =>
        Assert.Equal(text, Change.Points(current, previous));

    [Fact]
    public void The_direction_names_up_and_down_and_nothing_when_equal() =>
        Assert.Equal(("up", "down", (string?)null), (Change.Direction(2, 1), Change.Direction(1, 2), Change.Direction(1, 1)));
}
