using System.Text.RegularExpressions;
using ClickTrace.Analytics.Reports;
using ClickTrace.Storage;

namespace ClickTrace.Analytics.Tests.Reports;

public sealed class PeriodEndsTests
{
    private static readonly ReportPeriod Period =
        new(new(2026, 10, 1, 4, 7, 0, TimeSpan.Zero), new(2026, 10, 3, 9, 50, 0, TimeSpan.Zero), TimeZoneInfo.Utc, Interval.Day);

    [Fact]
    public void The_quarter_hour_and_day_ends_are_one_condition_under_their_own_names()
    {
        var days = WholeDays.Ends.Replace("day_from", "inner_from").Replace("day_to", "inner_to")
            .Replace("day_head", "head").Replace("day_tail", "tail");

        Assert.Equal(QuarterHours.Ends, days);
    }

    [Theory]
    [InlineData("quarters")]
    [InlineData("days")]
    public void Every_parameter_of_the_ends_is_bound_with_its_type(string rollup)
    {
        var (sql, parameters) = rollup == "quarters"
            ? (QuarterHours.Ends, new QueryParameters().Add("site", "s").Add("from", Period.From).Add("to", Period.To).WithQuarters(Period))
            : (WholeDays.Ends, new QueryParameters().Add("site", "s").Add("from", Period.From).Add("to", Period.To).WithDays(Period));
        var bound = parameters.ToDictionary(p => p.Key, p => p.Value);

        var named = Regex.Matches(sql, @"\{(\w+):").Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Equal(7, named.Count);
        Assert.All(named, name => Assert.True(bound.ContainsKey(name), $"{name} is not bound"));
    }

    [Fact]
    public void Ends_are_switched_on_only_where_the_period_does_not_fill_a_whole_unit()
    {
        var quarters = new QueryParameters().WithQuarters(Period).ToDictionary(p => p.Key, p => p.Value);
        var aligned = new QueryParameters().WithQuarters(new ReportPeriod(new(2026, 10, 1, 4, 0, 0, TimeSpan.Zero), new(2026, 10, 1, 5, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc, Interval.Hour))
            .ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal(("2026-10-01 04:15:00.000", "2026-10-03 09:45:00.000", "1", "1"), (quarters["inner_from"], quarters["inner_to"], quarters["head"], quarters["tail"]));
        Assert.Equal(("0", "0"), (aligned["head"], aligned["tail"]));
    }
}
