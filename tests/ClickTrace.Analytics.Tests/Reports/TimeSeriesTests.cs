using ClickTrace.Analytics.Reports;

namespace ClickTrace.Analytics.Tests.Reports;

public sealed class TimeSeriesTests
{
    private static ReportPeriod Period(DateTimeOffset from, DateTimeOffset to, string tz, Interval interval) =>
        new(from, to, TimeZoneInfo.FindSystemTimeZoneById(tz), interval);

    [Fact]
    public void Missing_buckets_are_filled_with_zeros()
    {
        var from = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var period = Period(from, from.AddDays(3), "UTC", Interval.Day);

        var series = TimeSeries.Fill(period, [new SeriesPoint(from.AddDays(1), 5, 9)]);

        Assert.Equal([0L, 5L, 0L], series.Select(p => p.Visitors));
        Assert.Equal([from, from.AddDays(1), from.AddDays(2)], series.Select(p => p.Start));
    }

    [Fact]
    public void Hour_buckets_start_at_the_hour_before_a_mid_hour_start()
    {
        var from = new DateTimeOffset(2026, 11, 1, 10, 30, 0, TimeSpan.Zero);

        var buckets = TimeSeries.Buckets(Period(from, from.AddHours(3), "UTC", Interval.Hour));

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero), buckets[0]);
        Assert.Equal(4, buckets.Count);
    }

    [Fact]
    public void A_day_with_a_daylight_saving_change_is_one_bucket_and_hours_skip_the_gap()
    {
        // Europe/Berlin springs forward on 2026-03-29 at 02:00 local time.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var from = new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.FromHours(1));
        var to = new DateTimeOffset(2026, 3, 30, 0, 0, 0, TimeSpan.FromHours(2));

        Assert.Single(TimeSeries.Buckets(Period(from, to, zone.Id, Interval.Day)));
        Assert.Equal(23, TimeSeries.Buckets(Period(from, to, zone.Id, Interval.Hour)).Count);
    }

    [Fact]
    public void Non_whole_hour_offsets_count_local_hours()
    {
        var from = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(5.5));

        var buckets = TimeSeries.Buckets(Period(from, from.AddHours(2), "Asia/Kolkata", Interval.Hour));

        Assert.Equal([from, from.AddHours(1)], buckets);
    }
}
