using Bunit;
using ClickTrace.Server.Components.Shared;

namespace ClickTrace.Server.Tests.Components.Shared;

public sealed class StatTileTests : BunitContext
{
    [Fact]
    public void A_tile_compared_with_the_previous_period_shows_the_change_and_the_number_before()
    {
        var tile = Render<StatTile>(p => p.Add(t => t.Label, "Visitors").Add(t => t.Value, 1_120).Add(t => t.TestId, "visitors").Add(t => t.Previous, 1_000));

        Assert.Equal("1,120", tile.Find("[data-testid=visitors]").TextContent);
        var change = tile.Find("[data-testid=visitors-change]");
        Assert.Contains("▲ 12 %", change.TextContent, StringComparison.Ordinal);
        Assert.Contains("vs 1,000", change.TextContent, StringComparison.Ordinal);
        Assert.Contains("up", change.ClassList);
    }

    [Fact]
    public void A_tile_without_a_comparison_shows_only_its_value_or_its_text()
    {
        var tile = Render<StatTile>(p => p.Add(t => t.Label, "Bounce rate").Add(t => t.Text, "41 %").Add(t => t.TestId, "bounce"));

        Assert.Equal("41 %", tile.Find("[data-testid=bounce]").TextContent);
        Assert.Empty(tile.FindAll(".tile-change"));
    }
}
