using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClickTrace.Server.Tests.Hosting;

namespace ClickTrace.Server.Tests.Api;

/// <summary>GET /api/sites/{siteId}/links, on events that went through the collector.</summary>
public sealed class LinksApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly ClickTraceApp _app = fixture.App;

    private static object Impression(string selector, string href) => new
    {
        id = Guid.NewGuid().ToString("N"), t = "imp", ts = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds(),
        u = "https://shop.example/", s = selector, h = "https://shop.example" + href, tx = "Link", x = 10, y = 900,
    };

    [Fact]
    public async Task A_link_seen_often_and_never_clicked_is_flagged_first()
    {
        await _app.CreateSiteAsync("links-shop");
        var events = Enumerable.Range(0, 3).Select(_ => Impression("#careers", "/careers")).Append(Impression("#home", "/")).ToArray();
        using (var collect = await _app.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch("links-shop", events))))
            Assert.Equal(HttpStatusCode.Accepted, collect.StatusCode);

        var report = await _app.EventuallyAsync(
            async () => (await _app.Http.GetFromJsonAsync<JsonNode>("/api/sites/links-shop/links?period=24h&minImpressions=3"))!,
            r => r["links"]!.AsArray().Count == 2, "the two links");

        var first = report["links"]![0]!;
        Assert.Equal(("#careers", "neverClicked", 3L, 1L), ((string?)first["selector"], (string?)first["flag"], (long)first["impressions"]!, (long)first["visitorsAffected"]!));
        Assert.Equal("none", (string?)report["links"]![1]!["flag"]);
    }

    [Theory]
    [InlineData("/api/sites/demo/links?minImpressions=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/sites/demo/links?minImpressions=many", HttpStatusCode.BadRequest)]
    [InlineData("/api/sites/nope/links", HttpStatusCode.NotFound)]
    public async Task Bad_links_queries_are_problems(string url, HttpStatusCode status)
    {
        using var response = await _app.Http.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
    }
}
