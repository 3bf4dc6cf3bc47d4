using ClickTrace.Analytics.Ads;

namespace ClickTrace.Analytics.Tests.Ads;

/// <summary>The statistics against values worked by hand (and published tables).</summary>
public sealed class ProportionsTests
{
    [Theory]
    [InlineData(0.975, 1.959964)]
    [InlineData(0.5, 0)]
    [InlineData(0.8, 0.841621)]
    [InlineData(0.005, -2.575829)]
    [InlineData(0.9995, 3.290527)]
    public void The_normal_quantile_matches_the_tables(double p, double z) => Assert.Equal(z, Normal.Quantile(p), 5);

    [Theory]
    [InlineData(1.959964, 0.025)]
    [InlineData(0, 0.5)]
    [InlineData(3.290527, 0.0005)]
    [InlineData(-1, 0.841345)]
    public void The_upper_tail_matches_the_tables(double z, double p) => Assert.Equal(p, Normal.UpperTail(z), 6);

    [Fact]
    public void The_Wilson_interval_of_10_in_100_is_5_5_to_17_4_percent()
    {
        var interval = Proportions.Wilson(10, 100);

        Assert.Equal(0.0552, interval.Low, 4);
        Assert.Equal(0.1744, interval.High, 4);
    }

    [Fact]
    public void The_Wilson_interval_stays_inside_0_and_1_at_the_edges_and_is_everything_without_trials()
    {
        Assert.Equal(0, Proportions.Wilson(0, 20).Low);
        Assert.Equal(1, Proportions.Wilson(20, 20).High);
        Assert.True(Proportions.Wilson(0, 20).High is > 0.1 and < 0.2);
        Assert.Equal(new Bounds(0, 1), Proportions.Wilson(0, 0));
    }

    [Fact]
    public void Ten_against_thirteen_percent_of_a_thousand_each_differ_at_p_0_036()
    {
        Assert.Equal(0.0355, Proportions.PValue(100, 1000, 130, 1000), 4);
        Assert.Equal(Proportions.PValue(100, 1000, 130, 1000), Proportions.PValue(130, 1000, 100, 1000), 12);
    }

    [Fact]
    public void Equal_rates_or_no_variance_or_no_trials_give_a_p_value_of_1()
    {
        Assert.Equal(1, Proportions.PValue(50, 500, 50, 500), 9);
        Assert.Equal(1, Proportions.PValue(0, 500, 0, 500));
        Assert.Equal(1, Proportions.PValue(5, 0, 5, 10));
    }

    [Fact]
    public void The_lift_of_13_over_10_percent_is_30_percent_between_1_7_and_66_percent()
    {
        var (lift, interval) = Proportions.Lift(100, 1000, 130, 1000)!.Value;

        Assert.Equal(0.3, lift, 9);
        Assert.Equal(0.0170, interval.Low, 4);
        Assert.Equal(0.6618, interval.High, 4);
        Assert.Null(Proportions.Lift(0, 1000, 130, 1000));
    }

    [Fact]
    public void Finding_10_against_13_percent_needs_1774_visits_per_variant()
    {
        Assert.Equal(1774, Proportions.SampleSizePerGroup(0.10, 0.13));
        Assert.Null(Proportions.SampleSizePerGroup(0.1, 0.1));
        Assert.True(Proportions.SampleSizePerGroup(0.10, 0.11) > Proportions.SampleSizePerGroup(0.10, 0.13));
    }
}
