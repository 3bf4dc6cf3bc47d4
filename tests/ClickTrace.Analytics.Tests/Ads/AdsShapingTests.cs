using ClickTrace.Analytics.Ads;

namespace ClickTrace.Analytics.Tests.Ads;

public sealed class AdsShapingTests
{
    [Theory]
    [InlineData("summer-b", "summer", "b")]
    [InlineData("spring-sale-control", "spring-sale", "control")]
    [InlineData("banner", "banner", "")]
    [InlineData("-x", "-x", "")]
    [InlineData("trailing-", "trailing-", "")]
    public void An_ad_value_is_a_placement_and_the_variant_after_its_last_dash(string ad, string placement, string variant) =>
        Assert.Equal((placement, variant), AdsShaping.SplitPlacement(ad));

    private static VariantCounts Counts(string variant, long visits, long conversions, string group = "hero") =>
        new(group, variant, visits * 2, visits / 10, visits, visits, conversions, conversions * 10m);

    [Fact]
    public void A_significantly_better_variant_with_enough_visits_wins()
    {
        var group = AdsShaping.Groups([Counts("b", 2000, 300), Counts("a", 2000, 200)], null, 0.95, 100, hasViews: true).Single();

        Assert.Equal("a", group.Control);
        Assert.Equal(["a", "b"], group.Variants.Select(v => v.Variant));
        Assert.Null(group.Variants[0].VersusControl);
        var b = group.Variants[1];
        Assert.True(b.VersusControl!.Significant);
        Assert.Equal(0.5, b.VersusControl.Lift!.Value, 9);
        Assert.Equal("b", group.Verdict.Winner);
        Assert.StartsWith("Variant b wins: it converts 15.0% against 10.0%", group.Verdict.Text, StringComparison.Ordinal);
        Assert.Equal((0.05, 1.5m), (b.ClickThroughRate!.Value, b.RevenuePerVisit));
    }

    [Theory]
    [InlineData(0.0123456, "p = 0.0123")]
    [InlineData(0.00005, "p < 0.0001")]
    [InlineData(0, "p < 0.0001")]
    public void P_values_are_printed_to_four_places_and_tiny_ones_as_a_bound(double p, string text) => Assert.Equal(text, AdsShaping.PValueText(p));

    [Fact]
    public void A_control_that_is_significantly_better_wins_too()
    {
        var group = AdsShaping.Groups([Counts("a", 2000, 300), Counts("b", 2000, 200)], "a", 0.95, 100, hasViews: true).Single();

        Assert.Equal("a", group.Verdict.Winner);
    }

    [Fact]
    public void Without_significance_the_verdict_says_how_many_more_visits_are_needed()
    {
        var group = AdsShaping.Groups([Counts("a", 500, 50), Counts("b", 500, 65)], null, 0.95, 100, hasViews: true).Single();

        Assert.Null(group.Verdict.Winner);
        Assert.Equal(2 * (1774 - 500), group.Verdict.MoreVisitsNeeded);
        Assert.Equal("No significant difference yet: about 2,548 more visits are needed.", group.Verdict.Text);
    }

    [Fact]
    public void A_significant_difference_below_the_minimum_sample_names_no_winner()
    {
        var group = AdsShaping.Groups([Counts("a", 90, 5), Counts("b", 90, 40)], null, 0.95, 100, hasViews: true).Single();

        Assert.True(group.Variants[1].VersusControl!.Significant);
        Assert.Null(group.Verdict.Winner);
        Assert.Equal(20, group.Verdict.MoreVisitsNeeded);   // each variant up to the minimum of 100
    }

    [Fact]
    public void Equal_rates_say_so_and_one_variant_has_nothing_to_compare()
    {
        var groups = AdsShaping.Groups([Counts("a", 500, 50), Counts("b", 500, 50), Counts("only", 10, 1, "side")], null, 0.95, 100, hasViews: false);

        Assert.Equal("No difference between the variants so far.", groups[0].Verdict.Text);
        Assert.Equal("Only one variant: nothing to compare.", groups[1].Verdict.Text);
        Assert.Null(groups[0].Variants[0].ClickThroughRate);
    }

    [Fact]
    public void Several_challengers_share_the_significance_level_and_the_best_one_is_judged()
    {
        // p = 0.03 for c against a: significant alone at 0.05, not at 0.05 / 2 with two challengers.
        var group = AdsShaping.Groups([Counts("a", 1000, 100), Counts("b", 1000, 101), Counts("c", 1000, 131)], null, 0.95, 100, hasViews: true).Single();

        var c = group.Variants.Single(v => v.Variant == "c").VersusControl!;
        Assert.InRange(c.PValue, 0.025, 0.05);
        Assert.False(c.Significant);
        Assert.Null(group.Verdict.Winner);
    }
}
