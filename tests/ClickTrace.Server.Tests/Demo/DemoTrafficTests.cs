using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClickTrace.Server.Demo;
using ClickTrace.Server.Tests.Hosting;
using ClickTrace.Testing;
using ClickTrace.Traffic.DemoShop;
using Microsoft.Extensions.DependencyInjection;

namespace ClickTrace.Server.Tests.Demo;

public sealed class DemoTrafficTests
{
    private static Dictionary<string, string> Demo(int visitors) => new()
    {
        ["ClickTrace:Demo:Traffic"] = "true", ["ClickTrace:Demo:Visitors"] = visitors.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task<JsonNode> GetAsync(ClickTraceApp app, string report) =>
        JsonNode.Parse(await app.Http.GetStringAsync($"/api/sites/demo/{report}"))!;

    [Fact]
    public async Task A_first_start_fills_the_demo_site_with_shop_traffic_whose_planted_problems_the_reports_find()
    {
        using var app = new ClickTraceApp(TestEngine.UniqueDatabaseName("demo"), Demo(400));
        var loaded = await app.Services.GetRequiredService<DemoTraffic>().Loaded.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(loaded > 400 * 10, $"{loaded} events");

        var overview = await app.EventuallyAsync(() => GetAsync(app, "overview?period=30d"), o => (long)o["totals"]!["visitors"]! == 400, "400 visitors");
        Assert.Equal(400, (long)overview["totals"]!["sessions"]!);
        var funnel = await app.Http.PostAsJsonAsync("/api/sites/demo/funnels/report?period=30d", new
        {
            steps = DemoShopMap.Checkout.Select(c => new { kind = "page", value = c.Path }).ToArray(), windowSeconds = 3600, order = "ordered",
        });
        var steps = JsonNode.Parse(await funnel.Content.ReadAsStringAsync())!["steps"]!.AsArray().SkipLast(1);
        Assert.Equal(DemoShopTrafficOptions.DetailsScreen, (int)steps.MaxBy(s => (double)s!["dropOffRate"]!)!["number"]!);
        var links = await GetAsync(app, "links?period=30d&minImpressions=10");
        Assert.Contains(links["links"]!.AsArray(), l => (string?)l!["selector"] == DemoShopMap.SizeGuideLink && (string?)l["flag"] == "neverClicked");
        Assert.Equal(DemoShopMap.CouponButton, (string?)links["frustrating"]![0]!["selector"]);
    }

    [Fact]
    public async Task A_store_that_has_events_gets_no_demo_traffic_unless_asked_with_demo()
    {
        var database = TestEngine.UniqueDatabaseName("demo");
        using (var first = new ClickTraceApp(database, Demo(50)))
            Assert.True(await first.Services.GetRequiredService<DemoTraffic>().Loaded.WaitAsync(TimeSpan.FromMinutes(1)) > 0);

        using (var again = new ClickTraceApp(database, Demo(50)))
            Assert.Equal(0, await again.Services.GetRequiredService<DemoTraffic>().Loaded.WaitAsync(TimeSpan.FromMinutes(1)));

        using var asked = new ClickTraceApp(database, new Dictionary<string, string>(Demo(50)) { ["ClickTrace:Demo:Load"] = "true" });
        Assert.True(await asked.Services.GetRequiredService<DemoTraffic>().Loaded.WaitAsync(TimeSpan.FromMinutes(1)) > 0);
        var overview = await asked.EventuallyAsync(() => GetAsync(asked, "overview?period=30d"), o => (long)o["totals"]!["visitors"]! >= 100, "two loads");
        Assert.Equal(100, (long)overview["totals"]!["visitors"]!);
    }

    [Fact]
    public async Task The_demo_shop_is_served_at_shop_with_the_tag_reporting_to_the_demo_site()
    {
        using var app = new ClickTraceApp();

        using var home = await app.Anonymous.GetAsync("/shop/");
        var html = await home.Content.ReadAsStringAsync();

        home.EnsureSuccessStatusCode();
        Assert.Contains("<script defer src=\"/ct.js\" data-site=\"demo\" data-local></script>", html, StringComparison.Ordinal);
        Assert.Contains("data-ct-ad=\"hero-", html, StringComparison.Ordinal);
        Assert.False(home.Headers.Contains("X-Frame-Options"));
        using var missing = await app.Anonymous.GetAsync("/shop/gift-cards");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("data-ct-404", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
