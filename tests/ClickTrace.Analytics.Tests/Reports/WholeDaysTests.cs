using ClickTrace.Analytics.Reports;
using ClickTrace.Storage;

namespace ClickTrace.Analytics.Tests.Reports;

public sealed class WholeDaysTests
{
    private static Dictionary<string, string> Bound(DateTimeOffset from, DateTimeOffset to) =>
        new QueryParameters().WithDays(new ReportPeriod(from, to, TimeZoneInfo.Utc, Interval.Day)).ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void A_period_of_whole_utc_days_is_all_rollup_and_reads_no_ends()
    {
        var bound = Bound(new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), new(2026, 10, 31, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(("2026-10-01 00:00:00.000", "2026-10-31 00:00:00.000", "0", "0"), (bound["day_from"], bound["day_to"], bound["day_head"], bound["day_tail"]));
    }

    [Fact]
    public void A_local_month_takes_the_utc_days_inside_it_and_the_hours_before_and_after_them_from_the_events()
    {
        // October in New York (UTC-4): 04:00 on the 1st to 04:00 on the 31st.
        var bound = Bound(new(2026, 10, 1, 4, 0, 0, TimeSpan.Zero), new(2026, 10, 31, 4, 0, 0, TimeSpan.Zero));

        Assert.Equal(("2026-10-02 00:00:00.000", "2026-10-31 00:00:00.000", "1", "1"), (bound["day_from"], bound["day_to"], bound["day_head"], bound["day_tail"]));
    }

    [Fact]
    public void A_period_without_a_whole_utc_day_reads_everything_from_the_events()
    {
        var from = new DateTimeOffset(2026, 10, 1, 6, 0, 0, TimeSpan.Zero);
        var bound = Bound(from, from.AddHours(30));

        Assert.Equal(bound["day_from"], bound["day_to"]);
        Assert.Equal(("0", "1"), (bound["day_head"], bound["day_tail"]));
    }
}
