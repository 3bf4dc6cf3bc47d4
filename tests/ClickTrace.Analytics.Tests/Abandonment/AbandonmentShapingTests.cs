using ClickTrace.Analytics.Abandonment;

namespace ClickTrace.Analytics.Tests.Abandonment;

public sealed class AbandonmentShapingTests
{
    [Fact]
    public void Destinations_are_ranked_by_visitors_with_their_share_and_leaving_the_site_has_no_path()
    {
        var rows = AbandonmentShaping.Destinations(new Dictionary<string, long> { ["/cart"] = 10, [""] = 30, ["/help"] = 10 }, 50);

        Assert.Equal([(null, 30L, 0.6), ("/cart", 10L, 0.2), ("/help", 10L, 0.2)], rows.Select(r => (r.Path, r.Visitors, r.Share)));
        Assert.True(rows[0].LeftSite);
    }

    [Fact]
    public void Fields_leave_out_visitors_who_used_none_and_carry_the_median_time()
    {
        var rows = AbandonmentShaping.Fields(
            new Dictionary<string, long> { [""] = 5, ["phone"] = 12, ["email"] = 3 },
            new Dictionary<string, double> { [""] = 0, ["phone"] = 14_500, ["email"] = 2_000 }, 20);

        Assert.Equal([("phone", 12L, 0.6, TimeSpan.FromSeconds(14.5)), ("email", 3L, 0.15, TimeSpan.FromSeconds(2))],
            rows.Select(r => (r.Field, r.Visitors, r.Share, r.MedianTime)));
    }

    [Fact]
    public void Frustration_keys_split_at_the_first_bar_so_a_selector_may_hold_one()
    {
        var rows = AbandonmentShaping.Frustration(
            new Dictionary<string, long> { ["rage|#coupon"] = 9, ["dead|a[title=\"x|y\"]"] = 4 },
            new Dictionary<string, long> { ["rage|#coupon"] = 3, ["dead|a[title=\"x|y\"]"] = 4 });

        Assert.Equal([("dead", "a[title=\"x|y\"]", 4L, 4L), ("rage", "#coupon", 9L, 3L)], rows.Select(r => (r.Type, r.Selector, r.Clicks, r.Visitors)));
    }

    [Fact]
    public void Nothing_abandoned_gives_empty_lists_and_no_division_by_zero()
    {
        Assert.Empty(AbandonmentShaping.Destinations(new Dictionary<string, long>(), 0));
        Assert.Equal(0, AbandonmentShaping.Fields(new Dictionary<string, long> { ["x"] = 0 }, new Dictionary<string, double>(), 0).Single().Share);
    }

    [Fact]
    public void Long_lists_are_cut_to_the_most_common()
    {
        var many = Enumerable.Range(0, 80).ToDictionary(i => $"/p{i}", i => (long)i);

        var rows = AbandonmentShaping.Destinations(many, 5000);

        Assert.Equal(AbandonmentShaping.MaxRows, rows.Count);
        Assert.Equal("/p79", rows[0].Path);
    }
}
