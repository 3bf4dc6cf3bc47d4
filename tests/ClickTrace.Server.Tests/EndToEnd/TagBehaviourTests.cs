using System.Text.Json.Nodes;
using ClickTrace.Server.Tests.Hosting;
using ClickTrace.Testing;
using Microsoft.Playwright;

namespace ClickTrace.Server.Tests.EndToEnd;

/// <summary>The tag in Chromium on pages made for each behaviour (served through Playwright routing on the app's origin).</summary>
public sealed class TagBehaviourTests(Chromium chromium) : IClassFixture<Chromium>, IDisposable
{
    private readonly ClickTraceApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<IPage> OpenAsync(string body, string tagAttributes = "data-site=\"demo\" data-local")
    {
        var page = await chromium.Browser.NewPageAsync();
        var url = new Uri(_app.BaseAddress, "/tag-test.html").ToString();
        await page.RouteAsync(url, route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html; charset=utf-8",
            Body = $"<!DOCTYPE html><html><head><title>Tag test</title><script defer src=\"/ct.js\" {tagAttributes}></script></head><body>{body}</body></html>",
        }));
        await page.GotoAsync(url);
        await page.WaitForFunctionAsync("() => !!window.clicktrace?.identify");
        return page;
    }

    /// <summary>
    /// Fires the page's pagehide: the tag flushes with sendBeacon, as when a visitor leaves. The page itself
    /// stays alive, so the beacon cannot be cancelled by a renderer that headless Chromium tears down at
    /// once (a real navigation beacon is covered by the demo page test).
    /// </summary>
    private static Task LeaveAsync(IPage page) => page.EvaluateAsync("() => dispatchEvent(new PageTransitionEvent('pagehide'))");

    private async Task<JsonArray> ClicksAsync(int expected)
    {
        var overview = await _app.EventuallyAsync(
            async () => JsonNode.Parse(await _app.Http.GetStringAsync("/api/sites/demo/overview?period=today&limit=50"))!,
            o => (long)o["totals"]!["clicks"]! >= expected, $"{expected} clicks");
        return overview["topClicks"]!.AsArray();
    }

    [Fact]
    public async Task Form_field_values_and_ignored_subtrees_are_never_recorded()
    {
        var page = await OpenAsync("""
            <input id="secret" value="4111 1111 1111 1111">
            <textarea id="notes">private notes</textarea>
            <div data-ct-ignore><button id="hidden-button">Ignored</button></div>
            <button id="visible"><span class="icon">★</span> Save</button>
            """);

        await page.ClickAsync("#secret");
        await page.ClickAsync("#notes");
        await page.ClickAsync("#hidden-button");
        await page.ClickAsync("#visible .icon");
        await LeaveAsync(page);

        var clicks = await ClicksAsync(3);
        Assert.Equal(["#notes", "#secret", "#visible"], clicks.Select(c => (string)c!["selector"]!).Order());
        Assert.All(clicks.Where(c => (string?)c!["tag"] is "input" or "textarea"), c => Assert.Equal("", (string?)c!["text"]));
        Assert.Equal("★ Save", (string?)clicks.Single(c => (string?)c!["selector"] == "#visible")!["text"]);
    }

    [Fact]
    public async Task Selectors_prefer_stable_attributes_and_stop_once_unique()
    {
        var page = await OpenAsync("""
            <ul><li><a href="/one">One</a></li><li><a href="/two" data-testid="second">Two</a></li></ul>
            <div><p>Plain <b>bold</b></p><p>Other <b>bold</b></p></div>
            """);

        await page.EvaluateAsync("() => document.querySelector('[data-testid=second]').addEventListener('click', e => e.preventDefault())");
        await page.ClickAsync("[data-testid=second]");
        await page.ClickAsync("p:nth-of-type(2) b");
        await LeaveAsync(page);

        var selectors = (await ClicksAsync(2)).Select(c => (string)c!["selector"]!).ToList();
        Assert.Contains("a[data-testid=\"second\"]", selectors);
        Assert.Contains("p:nth-of-type(2) > b", selectors);
    }

    [Fact]
    public async Task An_unreachable_collector_never_breaks_the_page()
    {
        var page = await OpenAsync("<button id=\"b\">Go</button><p id=\"out\"></p><script>document.getElementById('b').onclick = () => document.getElementById('out').textContent = 'still working';</script>",
            "data-site=\"demo\" data-local data-api=\"http://127.0.0.1:9/api/collect\"");
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        for (var i = 0; i < 25; i++) await page.ClickAsync("#b");   // more than one batch: the tag tries to send
        await page.EvaluateAsync("() => history.pushState({}, '', '/tag-test.html#next')");

        await Assertions.Expect(page.Locator("#out")).ToHaveTextAsync("still working");
        Assert.Equal("function", await page.EvaluateAsync<string>("() => typeof window.clicktrace"));
        await page.EvaluateAsync("() => window.clicktrace('still-fine')");
        Assert.Empty(errors);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Custom_events_queued_before_the_tag_loaded_are_replayed()
    {
        var page = await OpenAsync("""
            <script>window.clicktrace=window.clicktrace||function(){(clicktrace.q=clicktrace.q||[]).push(arguments)}; clicktrace('early-signup');</script>
            """);

        await page.EvaluateAsync("() => window.clicktrace('late-purchase')");
        await LeaveAsync(page);

        var store = _app.Services.GetService(typeof(Storage.IClickHouse)) as Storage.IClickHouse;
        var names = await _app.EventuallyAsync(
            async () => (await store!.QueryAsync("SELECT name FROM events WHERE type = 'custom' ORDER BY name")).Rows.Select(r => (string)r[0]!).ToList(),
            n => n.Count >= 2, "two custom events");
        Assert.Equal(["early-signup", "late-purchase"], names);
    }

    [Fact]
    public async Task Cookieless_mode_stores_nothing_in_the_browser_and_the_collector_derives_the_visitor()
    {
        var page = await OpenAsync("<button id=\"b\">Go</button>", "data-site=\"demo\" data-local data-cookieless");

        await page.ClickAsync("#b");
        var storage = await page.EvaluateAsync<int>("() => localStorage.length + sessionStorage.length + document.cookie.length");
        await LeaveAsync(page);

        Assert.Equal(0, storage);
        var store = (Storage.IClickHouse)_app.Services.GetService(typeof(Storage.IClickHouse))!;
        var visitors = await _app.EventuallyAsync(
            async () => (await store.QueryAsync("SELECT uniqExact(visitor_id), uniqExact(session_id), count(), min(visitor_id) FROM events")).Rows[0],
            r => (ulong)r[2]! >= 2, "the page view and the click");
        Assert.Equal((1UL, 1UL), ((ulong)visitors[0]!, (ulong)visitors[1]!));
        Assert.NotEqual(0UL, (ulong)visitors[3]!);
        await page.CloseAsync();
    }
}
