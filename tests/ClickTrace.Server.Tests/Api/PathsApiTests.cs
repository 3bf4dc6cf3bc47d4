using System.Net;
using System.Text.Json.Nodes;
using ClickTrace.Server.Tests.Hosting;

namespace ClickTrace.Server.Tests.Api;

/// <summary>GET /api/sites/{siteId}/paths, on events that went through the collector.</summary>
public sealed class PathsApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly ClickTraceApp _app = fixture.App;

    [Fact]
    public async Task Flows_from_a_page_and_a_quick_back_track_come_from_collected_page_views()
    {
        await _app.CreateSiteAsync("paths-shop");
        var t = DateTimeOffset.UtcNow.AddMinutes(-10);
        using (var collect = await _app.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch("paths-shop",
                   Wire.Pageview("/product/mug", t), Wire.Pageview("/shipping", t.AddSeconds(20)), Wire.Pageview("/product/mug", t.AddSeconds(24)),
                   Wire.Pageview("/cart", t.AddSeconds(60))))))
            Assert.Equal(HttpStatusCode.Accepted, collect.StatusCode);

        var report = await _app.EventuallyAsync(async () =>
            JsonNode.Parse(await _app.Http.GetStringAsync("/api/sites/paths-shop/paths?period=24h&page=/product/*&depth=4"))!,
            r => (long)r["sessionsReachingPage"]! == 1 && r["links"]!.AsArray().Count == 4, "the session's flow");

        Assert.Equal(("from", 0.0), ((string?)report["direction"], (double)report["medianPagesBefore"]!));
        Assert.Equal(["/product/mug → /shipping", "/shipping → /product/mug", "/product/mug → /cart", "/cart → (exit)"],
            report["links"]!.AsArray().Select(l => $"{l!["source"]} → {l["target"]}"));
        var backtrack = report["backtracks"]![0]!;
        Assert.Equal(("/product/mug", "/shipping", 1L), ((string?)backtrack["page"], (string?)backtrack["detour"], (long)backtrack["times"]!));
    }

    [Theory]
    [InlineData("", "'page'")]
    [InlineData("page=cart", "starting with '/'")]
    [InlineData("page=/&direction=sideways", "'direction'")]
    [InlineData("page=/&depth=9", "'depth'")]
    [InlineData("page=/&pagesPerColumn=0", "'pagesPerColumn'")]
    [InlineData("page=/&backtrackSeconds=0", "'backtrackSeconds'")]
    public async Task Bad_options_are_a_400_problem_that_says_why(string query, string says)
    {
        using var response = await _app.Http.GetAsync($"/api/sites/demo/paths?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(says, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
