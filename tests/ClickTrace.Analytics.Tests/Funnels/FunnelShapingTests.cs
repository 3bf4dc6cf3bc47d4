using ClickTrace.Analytics.Funnels;

namespace ClickTrace.Analytics.Tests.Funnels;

public sealed class FunnelShapingTests
{
    private static readonly FunnelStep[] Steps =
        [new(FunnelStepKind.Page, "/"), new(FunnelStepKind.Page, "/cart", Label: "Cart"), new(FunnelStepKind.Custom, "purchase")];

    [Fact]
    public void Rows_give_conversion_from_start_and_previous_and_the_drop_off_to_the_next_step()
    {
        var rows = FunnelShaping.Rows(Steps, [200, 50, 10], [1500, null]);

        Assert.Equal([1, 0.25, 0.05], rows.Select(r => r.ConversionFromStart));
        Assert.Equal([1, 0.25, 0.2], rows.Select(r => r.ConversionFromPrevious));
        Assert.Equal([150L, 40L, 0L], rows.Select(r => r.DropOff));
        Assert.Equal([0.75, 0.8, 0], rows.Select(r => r.DropOffRate));
        Assert.Equal([null, TimeSpan.FromMilliseconds(1500), null], rows.Select(r => r.MedianTimeFromPrevious));
        Assert.Equal(["/", "Cart", "event purchase"], rows.Select(r => r.Name));
        Assert.Equal([1, 2, 3], rows.Select(r => r.Number));
    }

    [Fact]
    public void A_funnel_nobody_entered_is_all_zeros_not_a_division_by_zero()
    {
        var rows = FunnelShaping.Rows(Steps, [0, 0, 0], [null, null]);

        Assert.All(rows, r => Assert.Equal((0.0, 0.0, 0L, 0.0), (r.ConversionFromStart, r.ConversionFromPrevious, r.DropOff, r.DropOffRate)));
    }
}
