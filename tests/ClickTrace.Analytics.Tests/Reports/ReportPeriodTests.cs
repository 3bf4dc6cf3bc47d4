using ClickTrace.Analytics.Reports;

namespace ClickTrace.Analytics.Tests.Reports;

public sealed class ReportPeriodTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 15, 30, 0, TimeSpan.Zero);

    private static ReportPeriod Resolve(string? period, string? from = null, string? to = null, string tz = "UTC")
    {
        var resolved = ReportPeriod.TryResolve(period, from, to, tz, Now, out var error);
        Assert.True(resolved is not null, error);
        return resolved;
    }

    [Fact]
    public void Seven_days_starts_at_midnight_six_days_ago_and_counts_days()
    {
        var period = Resolve("7d");

        Assert.Equal(new DateTimeOffset(2026, 11, 18, 0, 0, 0, TimeSpan.Zero), period.From);
        Assert.Equal(Now, period.To);
        Assert.Equal(Interval.Day, period.Interval);
    }

    [Fact]
    public void Today_counts_hours_from_local_midnight()
    {
        var period = Resolve("today", tz: "Asia/Tokyo");

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.FromHours(9)), period.From);
        Assert.Equal(Interval.Hour, period.Interval);
    }

    [Fact]
    public void A_custom_range_covers_whole_local_days_inclusive()
    {
        var period = Resolve("custom", "2026-03-01", "2026-03-31", "Europe/Berlin");

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(1)), period.From);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.FromHours(2)), period.To);
    }

    [Fact]
    public void From_and_to_without_a_period_mean_custom() =>
        Assert.Equal(TimeSpan.FromDays(2), Resolve(null, "2026-01-01", "2026-01-02").To - Resolve(null, "2026-01-01", "2026-01-02").From);

    [Theory]
    [InlineData("1y", null, null, "UTC", "Unknown period")]
    [InlineData("custom", "2026-02-30", "2026-03-01", "UTC", "yyyy-MM-dd")]
    [InlineData("custom", "2026-03-02", "2026-03-01", "UTC", "on or after")]
    [InlineData("7d", null, null, "Mars/Olympus", "Unknown time zone")]
    [InlineData("custom", "'; DROP", "x", "UTC", "yyyy-MM-dd")]
    public void Bad_input_is_an_error_message(string period, string? from, string? to, string tz, string says)
    {
        Assert.Null(ReportPeriod.TryResolve(period, from, to, tz, Now, out var error));
        Assert.Contains(says, error, StringComparison.Ordinal);
    }
}
