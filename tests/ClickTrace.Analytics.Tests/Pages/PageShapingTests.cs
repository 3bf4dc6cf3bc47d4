using ClickTrace.Analytics.Pages;

namespace ClickTrace.Analytics.Tests.Pages;

public sealed class PageShapingTests
{
    [Fact]
    public void A_cell_spans_a_fiftieth_of_the_width_and_25_px()
    {
        Assert.Equal(new HeatCell(0.98, 1.0, 250, 7), PageShaping.Cell(49, 10, 7));
        Assert.Equal(new HeatCell(0, 0.02, 0, 1), PageShaping.Cell(0, 0, 1));
    }

    [Fact]
    public void Scroll_bands_share_the_views_and_a_page_never_scrolled_has_ten_empty_bands()
    {
        var bands = PageShaping.Scroll([10, 10, 8, 8, 6, 6, 4, 4, 2, 1], 10);

        Assert.Equal((10, 1.0), (bands[0].Percent, bands[0].Share));
        Assert.Equal((100, 1L, 0.1), (bands[9].Percent, bands[9].Views, bands[9].Share));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (i * 10, 0L, 0.0)), PageShaping.Scroll([], 0).Select(b => (b.Percent, b.Views, b.Share)));
    }
}
