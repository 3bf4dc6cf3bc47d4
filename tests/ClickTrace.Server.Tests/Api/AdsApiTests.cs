using System.Net;
using System.Text.Json.Nodes;
using ClickTrace.Server.Tests.Hosting;

namespace ClickTrace.Server.Tests.Api;

/// <summary>GET /api/sites/{siteId}/ads, on events that went through the collector.</summary>
public sealed class AdsApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly ClickTraceApp _app = fixture.App;

    [Fact]
    public async Task Campaign_landings_and_banner_views_are_counted_with_conversions_to_the_goal()
    {
        await _app.CreateSiteAsync("ads-shop");
        var t = DateTimeOffset.UtcNow.AddMinutes(-10);
        // Visitor 1 lands from the newsletter (content b), sees banner variant a, buys; visitor 2 sees banner b and leaves.
        await CollectAsync("0000000000000001",
            Wire.Event("pageview", "/?utm_source=newsletter&utm_medium=email&utm_campaign=winter&utm_content=b", t),
            Wire.Event("adview", "/", t.AddSeconds(2), new { s = "#hero", ad = "hero-a" }),
            Wire.Event("click", "/", t.AddSeconds(3), new { s = "#hero a", tg = "a", tx = "Sale", ad = "hero-a", x = 5, y = 5 }),
            Wire.Event("custom", "/thanks", t.AddSeconds(60), new { n = "purchase", p = new Dictionary<string, object> { ["revenue"] = 49.9, ["currency"] = "EUR" } }));
        await CollectAsync("0000000000000002", Wire.Event("pageview", "/", t), Wire.Event("adview", "/", t.AddSeconds(2), new { s = "#hero", ad = "hero-b" }));

        var report = await _app.EventuallyAsync(async () =>
            JsonNode.Parse(await _app.Http.GetStringAsync("/api/sites/ads-shop/ads?period=24h&goalKind=custom&goal=purchase&minVisits=1"))!,
            // Both visitors' batches: each may be stored by an insert of its own.
            r => r["placements"]!.AsArray() is [{ } placement] && placement["variants"]!.AsArray().Count == 2 && r["campaigns"]!.AsArray().Count == 1,
            "the banner with both variants and the campaign");

        Assert.Equal("event purchase", (string?)report["goal"]);
        var campaign = report["campaigns"]![0]!;
        Assert.Equal("newsletter / email / winter", (string?)campaign["name"]);
        var landing = campaign["variants"]![0]!;
        Assert.Equal(("b", 1L, 1L, 49.9m), ((string?)landing["variant"], (long)landing["visits"]!, (long)landing["conversions"]!, (decimal)landing["revenue"]!));
        var banner = report["placements"]![0]!;
        Assert.Equal(("hero", "a"), ((string?)banner["name"], (string?)banner["control"]));
        var variants = banner["variants"]!.AsArray();
        Assert.Equal([("a", 1L, 1L, 1L), ("b", 1L, 0L, 0L)], variants.Select(v => ((string)v!["variant"]!, (long)v["views"]!, (long)v["clicks"]!, (long)v["conversions"]!)));
        Assert.Equal(1.0, (double)variants[0]!["conversionRate"]!);
        Assert.True((double)variants[0]!["conversionInterval"]!["low"]! is > 0 and < 1);
        var versus = variants[1]!["versusControl"]!;
        Assert.Equal((0.157, false), (Math.Round((double)versus["pValue"]!, 3), (bool)versus["significant"]!));   // one visit each: nothing can be told
        Assert.Null((string?)banner["verdict"]!["winner"]);
    }

    [Theory]
    [InlineData("goalKind=teleport&goal=x", "'goalKind'")]
    [InlineData("goalKind=anyOf&goal=x", "'goalKind'")]
    [InlineData("goalKind=2&goal=x", "'goalKind'")]
    [InlineData("goal=x", "'goalKind'")]
    [InlineData("goalKind=page&goal=thanks", "starting with '/'")]
    [InlineData("goalKind=custom", "needs a value")]
    [InlineData("confidence=1.5", "'confidence'")]
    [InlineData("minVisits=0", "'minVisits'")]
    public async Task Bad_options_are_a_400_problem_that_says_why(string query, string says)
    {
        using var response = await _app.Http.GetAsync($"/api/sites/demo/ads?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(says, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task CollectAsync(string visitor, params object[] events)
    {
        using var response = await _app.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch("ads-shop", visitor.Replace("000", "ccc", StringComparison.Ordinal), visitor, events)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
