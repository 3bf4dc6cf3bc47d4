using ClickTrace.Analytics.Pages;
using ClickTrace.Server.Components.Pages;

namespace ClickTrace.Server.Tests.Dashboard;

public sealed class HeatMapLayoutTests
{
    [Fact]
    public void Cells_are_placed_by_their_share_of_the_width_shown_and_their_distance_from_the_top()
    {
        var cells = new[] { PageShaping.Cell(column: 10, row: 4, clicks: 8), PageShaping.Cell(column: 49, row: 0, clicks: 2) };

        var boxes = HeatMapLayout.Boxes(cells, HeatMapLayout.Desktop);

        Assert.Equal(new HeatMapLayout.Box(256, 100, 26, 25, 5, 8), boxes[0]);
        Assert.Equal(1254, boxes[1].Left);
        Assert.Equal(HeatMapLayout.Desktop, boxes[1].Left + boxes[1].Width);
        Assert.Equal("left:256px;top:100px;width:26px;height:25px", boxes[0].Style);
        Assert.Equal(78, HeatMapLayout.Boxes(cells, HeatMapLayout.Phone)[0].Left);
    }

    [Theory]
    [InlineData(100, 100, 5)]
    [InlineData(25, 100, 3)]
    [InlineData(1, 100, 1)]
    [InlineData(0, 0, 1)]
    public void Heat_rises_with_the_square_root_of_the_share_of_the_most_clicked_cell(long clicks, long most, int heat) =>
        Assert.Equal(heat, HeatMapLayout.HeatOf(clicks, most));

    [Fact]
    public void The_view_is_tall_enough_for_every_cell_within_its_bounds()
    {
        Assert.Equal(HeatMapLayout.MinHeight, HeatMapLayout.Height([]));
        Assert.Equal(2050, HeatMapLayout.Height([PageShaping.Cell(0, 80, 1)]));
        Assert.Equal(HeatMapLayout.MaxHeight, HeatMapLayout.Height([PageShaping.Cell(0, 100_000, 1)]));
        Assert.Empty(HeatMapLayout.Boxes([PageShaping.Cell(0, 100_000, 1)], HeatMapLayout.Desktop));
    }

    [Theory]
    [InlineData("https://shop.example/checkout?step=2", "https://shop.example/checkout?step=2")]
    [InlineData("http://localhost:5080/shop/", "http://localhost:5080/shop/")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("data:text/html,<script>alert(1)</script>", null)]
    [InlineData("/relative/path", null)]
    [InlineData("", null)]
    public void Only_an_absolute_http_address_is_shown_live(string url, string? live) =>
        Assert.Equal(live, HeatMapLayout.LiveUrl(url));

    [Fact]
    public void Only_phone_chooses_the_phone_width() =>
        Assert.Equal((HeatMapLayout.Phone, HeatMapLayout.Desktop, HeatMapLayout.Desktop), (HeatMapLayout.WidthOf("phone"), HeatMapLayout.WidthOf("desktop"), HeatMapLayout.WidthOf("<b>")));
}
