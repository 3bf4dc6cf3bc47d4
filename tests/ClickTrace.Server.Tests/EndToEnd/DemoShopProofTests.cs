using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClickTrace.DemoShop;
using ClickTrace.Server.Tests.Hosting;
using ClickTrace.Traffic.DemoShop;
using ClickTrace.TrafficSim;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ClickTrace.Server.Tests.EndToEnd;

/// <summary>
/// The end-to-end proof: ClickTrace and the demo shop on loopback ports of their own, a few hundred visitors
/// in real Chromium (the traffic simulator's browser mode, fixed seed), and ClickTrace finds each planted
/// problem, read through the HTTP API only. The simulator's browsers show ordinary User-Agents; bot
/// filtering stays on. A larger run is samples/TrafficSim's documented command.
/// </summary>
public sealed class DemoShopProofTests(ITestOutputHelper output)
{
    private const string Site = "teaware";

    private static readonly DemoShopTrafficOptions Traffic = new() { Visitors = 200, Seed = 7, HeroBOfBuyers = 0.8 };

    private static readonly object Funnel = new
    {
        steps = DemoShopMap.Checkout.Select(c => new { kind = "page", value = c.Path }).ToArray(),
        windowSeconds = 3600,
        order = "ordered",
    };

    [Fact]
    public async Task ClickTrace_finds_every_problem_planted_in_the_demo_shop_from_browser_traffic()
    {
        // Inserts once a second, as in production: the browsers need the cores more than the dashboard needs 100 ms.
        using var app = new ClickTraceApp(Testing.TestEngine.UniqueDatabaseName("proof"), new Dictionary<string, string> { ["ClickTrace:Collector:ShipInterval"] = "00:00:01" });
        await using var shop = await StartShopAsync(app.BaseAddress);
        await app.CreateSiteAsync(Site, shop.Origin);

        var sent = await BrowserMode.RunAsync(new BrowserModeOptions { Shop = shop.Address, Parallel = 6, Speed = 0.02 }, DemoShopPlanner.Plan(Traffic));
        foreach (var line in Traffic.Truths().Concat(sent.Lines())) output.WriteLine(line);
        Assert.Empty(sent.Failures);
        Assert.Equal(0, sent.Refused);

        // Everything the browsers sent is stored: visitors, sessions and page views match exactly.
        var overview = await app.EventuallyAsync(() => GetAsync(app, "overview?period=24h"),
            o => (long)o["totals"]!["pageviews"]! >= sent.Pageviews, $"{sent.Pageviews} page views");
        Assert.Equal((sent.Visitors, sent.Sessions, sent.Pageviews),
            ((int)overview["totals"]!["visitors"]!, (int)overview["totals"]!["sessions"]!, (int)overview["totals"]!["pageviews"]!));

        // The checkout funnel's largest drop-off is personal details, at about the planted rate.
        var funnel = await PostAsync(app, "funnels/report?period=24h", Funnel);
        var steps = funnel["steps"]!.AsArray().Take(DemoShopMap.Checkout.Count - 1).ToList();
        var worst = steps.MaxBy(s => (double)s!["dropOffRate"]!)!;
        Assert.Equal(DemoShopTrafficOptions.DetailsScreen, (int)worst["number"]!);
        Assert.InRange((double)worst["dropOffRate"]!, Traffic.DetailsDropOff - 0.03, Traffic.DetailsDropOff + 0.03);

        // The visitors who gave up there last touched the confusing field.
        var abandonment = await PostAsync(app, $"funnels/abandonment?period=24h&step={DemoShopTrafficOptions.DetailsScreen}", Funnel);
        Assert.Equal(DemoShopMap.ConfusingField, (string?)abandonment["fields"]![0]!["field"]);

        // The Size guide link is seen on every product page view and never clicked; the gift cards link is broken.
        var links = await GetAsync(app, "links?period=24h&minImpressions=1");
        var sizeGuide = links["links"]!.AsArray().Where(l => (string?)l!["selector"] == DemoShopMap.SizeGuideLink).ToList();
        Assert.NotEmpty(sizeGuide);
        Assert.All(sizeGuide, l => Assert.Equal("neverClicked", (string?)l!["flag"]));
        Assert.Equal(sent.ProductPageviews, sizeGuide.Sum(l => (int)l!["impressions"]!));
        var giftCards = Assert.Single(links["links"]!.AsArray(), l => (string?)l!["selector"] == DemoShopMap.GiftCardsLink)!;
        Assert.Equal(("broken", sent.GiftCardClicks), ((string?)giftCards["flag"], (int)giftCards["brokenClicks"]!));

        // The coupon button tops the rage and dead clicks.
        var frustrating = links["frustrating"]!.AsArray();
        Assert.Equal(DemoShopMap.CouponButton, (string?)frustrating[0]!["selector"]);
        Assert.True((int)frustrating[0]!["rageClicks"]! > 0 && (int)frustrating[0]!["deadClicks"]! > 0, frustrating[0]!.ToJsonString());

        // The better hero banner is named the winner, significantly; the weaker one is not.
        var ads = await GetAsync(app, "ads?period=24h&goalKind=custom&goal=purchase&minVisits=30&control=a");
        var hero = Assert.Single(ads["placements"]!.AsArray(), p => (string?)p!["name"] == DemoShopMap.HeroPlacement)!;
        output.WriteLine(hero.ToJsonString());
        Assert.Equal("b", (string?)hero["verdict"]!["winner"]);
        var a = Assert.Single(hero["variants"]!.AsArray(), v => (string?)v!["variant"] == "a")!;
        Assert.True((double)a["conversionRate"]! < (double)hero["variants"]!.AsArray().Single(v => (string?)v!["variant"] == "b")!["conversionRate"]!);
        var b = Assert.Single(hero["variants"]!.AsArray(), v => (string?)v!["variant"] == "b")!;
        Assert.True((double)b["versusControl"]!["pValue"]! < 0.05, b.ToJsonString());
        Assert.True((bool)b["versusControl"]!["significant"]!);
    }

    private static async Task<JsonNode> GetAsync(ClickTraceApp app, string report) =>
        JsonNode.Parse(await app.Http.GetStringAsync($"/api/sites/{Site}/{report}"))!;

    private static async Task<JsonNode> PostAsync(ClickTraceApp app, string report, object body)
    {
        using var response = await app.Http.PostAsJsonAsync($"/api/sites/{Site}/{report}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!;
    }

    /// <summary>The demo shop on a loopback port of its own, its tag pointing at ClickTrace.</summary>
    private static async Task<RunningShop> StartShopAsync(Uri clickTrace)
    {
        var shop = ShopHost.Build(["--urls", "http://127.0.0.1:0", "--Shop:ClickTraceUrl", clickTrace.ToString().TrimEnd('/'), "--Shop:SiteKey", Site]);
        await shop.StartAsync();
        var address = new Uri(shop.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new RunningShop(shop, address);
    }

    private sealed record RunningShop(WebApplication App, Uri Address) : IAsyncDisposable
    {
        public string Origin => Address.GetLeftPart(UriPartial.Authority);

        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }
}
