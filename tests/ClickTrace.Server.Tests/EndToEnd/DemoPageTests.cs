using System.Text.Json.Nodes;
using ClickTrace.Server.Tests.Hosting;
using ClickTrace.Testing;
using Microsoft.Playwright;

namespace ClickTrace.Server.Tests.EndToEnd;

/// <summary>The whole path: the demo page in a real browser, the tag, the collector, the engine, the API and the dashboard.</summary>
public sealed class DemoPageTests(Chromium chromium) : IClassFixture<Chromium>
{
    private static async Task<JsonNode> OverviewAsync(ClickTraceApp app) =>
        JsonNode.Parse(await app.Http.GetStringAsync("/api/sites/demo/overview?period=today"))!;

    private static Task WaitForTagAsync(IPage page) => page.WaitForFunctionAsync("() => !!window.clicktrace?.identify");

    [Fact]
    public async Task Page_views_and_a_link_click_on_the_demo_page_are_read_back_through_the_api()
    {
        using var app = new ClickTraceApp();
        var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(new Uri(app.BaseAddress, "/demo/").ToString());
        await WaitForTagAsync(page);
        await page.ClickAsync("#spa-details");                 // a single-page-app navigation: a second page view
        await page.ClickAsync("#nav-products");                // a link: a click, then a page view of the next page
        await page.WaitForURLAsync("**/products.html");
        await WaitForTagAsync(page);
        // Leaving the last page: pagehide makes the tag flush with sendBeacon (fired on the live page, so
        // headless Chromium cannot cancel the beacon by tearing the renderer down; the link click above
        // already sent the first page's beacon through a real navigation).
        await page.EvaluateAsync("() => dispatchEvent(new PageTransitionEvent('pagehide'))");

        var overview = await app.EventuallyAsync(() => OverviewAsync(app),
            o => (long)o["totals"]!["pageviews"]! >= 3 && (long)o["totals"]!["clicks"]! >= 2, "3 page views and 2 clicks");

        Assert.Empty(errors);
        Assert.Equal(3, (long)overview["totals"]!["pageviews"]!);
        Assert.Equal(1, (long)overview["totals"]!["visitors"]!);
        Assert.Equal(1, (long)overview["totals"]!["sessions"]!);
        Assert.Equal(["/demo/", "/demo/products.html"], overview["topPages"]!.AsArray().Select(p => (string)p!["path"]!).Order());
        var link = Assert.Single(overview["topClicks"]!.AsArray(), c => (string?)c!["selector"] == "#nav-products")!;
        Assert.Equal(("a", "Products", "/demo/"), ((string?)link["tag"], (string?)link["text"], (string?)link["path"]));
        Assert.EndsWith("/demo/products.html", (string?)link["href"], StringComparison.Ordinal);
        Assert.Contains(overview["topClicks"]!.AsArray(), c => (string?)c!["selector"] == "#spa-details" && (string?)c["tag"] == "button");
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_dashboard_shows_the_demo_pages_visits_with_a_chart_and_escapes_tracked_text()
    {
        using var app = new ClickTraceApp();
        var hostile = "<img src=x onerror=\"window.__pwned=1\">";
        using (var collect = await app.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch("demo", Wire.Pageview("/x"), Wire.Click("#evil", hostile)))))
            collect.EnsureSuccessStatusCode();
        await Eventually.Until(() => OverviewAsync(app), o => (long)o["totals"]!["clicks"]! == 1, "the click");

        var page = await (await app.SignedInContextAsync(chromium.Browser)).NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/?site=demo&period=today").ToString());

        await Assertions.Expect(page.GetByTestId("pageviews")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("clicks")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator(".chart svg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("top-clicks")).ToContainTextAsync(hostile);
        Assert.Equal(0, await page.Locator("[data-testid=top-clicks] img").CountAsync());
        Assert.False(await page.EvaluateAsync<bool>("() => window.__pwned === 1"));
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_dashboard_explains_what_to_do_when_there_is_no_data()
    {
        using var app = new ClickTraceApp();
        var page = await (await app.SignedInContextAsync(chromium.Browser)).NewPageAsync();

        await page.GotoAsync(new Uri(app.BaseAddress, "/").ToString());

        await Assertions.Expect(page.GetByText("No data in this period yet")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("pre")).ToContainTextAsync("data-site=\"demo\"");
        await page.CloseAsync();
    }
}
