using System.Net;
using System.Text.Json.Nodes;
using ClickTrace.Server.Tests.Hosting;

namespace ClickTrace.Server.Tests.Api;

/// <summary>GET /api/sites/{siteId}/pages, on events that went through the collector.</summary>
public sealed class PageApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly ClickTraceApp _app = fixture.App;

    [Fact]
    public async Task A_page_shows_its_clicks_scroll_depth_fields_and_errors()
    {
        await _app.CreateSiteAsync("page-shop");
        var t = DateTimeOffset.UtcNow.AddMinutes(-10);
        using (var collect = await _app.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch("page-shop",
                   Wire.Pageview("/checkout", t),
                   Wire.Event("click", "/checkout", t.AddSeconds(2), new { s = "#pay", tg = "button", tx = "Pay", x = 990, y = 610, vw = 1000, vh = 800, i = 1 }),
                   Wire.Event("dead", "/checkout", t.AddSeconds(3), new { s = "#logo", tg = "img", x = 10, y = 10, vw = 1000, vh = 800 }),
                   Wire.Event("field", "/checkout", t.AddSeconds(8), new { s = "#form", tg = "tel", n = "phone", d = 12000, c = 1 }),
                   Wire.Event("error", "/checkout", t.AddSeconds(9), new { n = "TypeError: x is undefined", h = "https://shop.example/app.js", ln = 7 }),
                   Wire.Event("engage", "/checkout", t.AddSeconds(20), new { sd = 55, d = 20000 })))))
            Assert.Equal(HttpStatusCode.Accepted, collect.StatusCode);

        var report = await _app.EventuallyAsync(async () =>
            JsonNode.Parse(await _app.Http.GetStringAsync("/api/sites/page-shop/pages?period=24h&page=/checkout"))!,
            r => (long)r["pageviews"]! == 1 && r["errors"]!.AsArray().Count == 1, "the page's events");

        var cell = report["heat"]![0]!;
        Assert.Equal((0.98, 1.0, 600, 1L), ((double)cell["left"]!, (double)cell["right"]!, (int)cell["top"]!, (long)cell["clicks"]!));
        Assert.Equal([1L, 1L, 1L, 1L, 1L, 0L, 0L, 0L, 0L, 0L], report["scroll"]!.AsArray().Select(b => (long)b!["views"]!));
        Assert.Equal([("#logo", 0L, 1L), ("#pay", 1L, 0L)], report["elements"]!.AsArray().Select(e => ((string)e!["selector"]!, (long)e["clicks"]!, (long)e["deadClicks"]!)));
        Assert.Equal(("phone", "tel", "00:00:12", 1.0), ((string?)report["fields"]![0]!["field"], (string?)report["fields"]![0]!["type"],
            (string?)report["fields"]![0]!["medianTime"], (double)report["fields"]![0]!["changedShare"]!));
        Assert.Equal(("TypeError: x is undefined", 7), ((string?)report["errors"]![0]!["message"], (int)report["errors"]![0]!["line"]!));
    }

    [Theory]
    [InlineData("", "'page'")]
    [InlineData("page=checkout", "starting with '/'")]
    public async Task A_missing_or_malformed_page_is_a_400_problem(string query, string says)
    {
        using var response = await _app.Http.GetAsync($"/api/sites/demo/pages?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(says, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
