using ClickTrace.Server.Tests.EndToEnd;

namespace ClickTrace.Server.Tests.Tag.Browser;

/// <summary>tracker-js/src/pageviews.js and engage.js in Chromium.</summary>
public sealed class PageviewCaptureTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncDisposable
{
    private readonly TagPage _tag = new(chromium);

    public ValueTask DisposeAsync() => _tag.DisposeAsync();

    [Fact]
    public async Task The_landing_view_records_its_url_referrer_title_viewport_and_campaign()
    {
        await _tag.OpenAsync("<h1>Spring sale</h1>", path: "/landing?utm_source=newsletter&utm_campaign=spring&gclid=abc123",
            referer: "https://www.google.com/");
        await _tag.LeaveAsync();

        var view = Assert.Single(await _tag.EventsAsync("pageview", 1));
        Assert.Equal(("/landing", "https://www.google.com/", "Tag test"), (view.Path, view.Referrer, view.Title));
        Assert.Equal(("newsletter", "spring", "gclid"), (view.UtmSource, view.UtmCampaign, view.ClickIdType));
        Assert.Equal((1000, 700), (view.ViewportWidth, view.ViewportHeight));
        Assert.False(view.ErrorPage);
    }

    [Fact]
    public async Task Single_page_navigations_are_page_views_with_the_previous_url_as_referrer()
    {
        var page = await _tag.OpenAsync("<h1>Shop</h1>");
        var start = page.Url;

        await page.EvaluateAsync("() => history.pushState({}, '', '/checkout/details')");
        await page.EvaluateAsync("() => history.replaceState({ more: 1 }, '', '/checkout/details')");   // the same URL: no new view
        await page.EvaluateAsync("() => { location.hash = 'faq' }");
        await page.WaitForFunctionAsync("() => location.hash == '#faq'");
        await page.EvaluateAsync("() => history.pushState({}, '', '/checkout/payment')");
        await page.GoBackAsync();
        await page.WaitForFunctionAsync("() => location.hash == '#faq'");
        await _tag.LeaveAsync();

        var views = await _tag.EventsAsync("pageview", 5);
        var origin = _tag.App.BaseAddress.ToString().TrimEnd('/');
        Assert.Equal([start, origin + "/checkout/details", origin + "/checkout/details#faq", origin + "/checkout/payment", origin + "/checkout/details#faq"],
            views.Select(v => v.Url));
        Assert.Equal(["", start, origin + "/checkout/details", origin + "/checkout/details#faq", origin + "/checkout/payment"], views.Select(v => v.Referrer));
        Assert.Empty(_tag.PageErrors);
    }

    [Fact]
    public async Task A_page_marked_data_ct_404_is_recorded_as_an_error_page()
    {
        await _tag.OpenAsync("<main data-ct-404><h1>Page not found</h1></main>", path: "/old-product");
        await _tag.LeaveAsync();

        var view = Assert.Single(await _tag.EventsAsync("pageview", 1));
        Assert.True(view.ErrorPage);
        Assert.Equal("/old-product", view.Path);
    }

    [Fact]
    public async Task Engagement_reports_the_deepest_scroll_and_only_the_time_the_page_was_visible()
    {
        var page = await _tag.OpenAsync("<div style=\"height:2800px\">Long page</div>");   // about 2,816 px with the body's margins

        await _tag.ScrollAsync(1400);
        await _tag.ScrollAsync(0);
        await _tag.RunForAsync(5000);
        await SetHiddenAsync(page, true);                     // a tab in the background: not counted
        await _tag.RunForAsync(60_000);
        await SetHiddenAsync(page, false);
        await _tag.RunForAsync(1000);
        await _tag.LeaveAsync();

        var engage = await _tag.EventsAsync(all => all.Where(e => e.Type == "engage").Sum(e => e.DurationMs) >= 6000, "6 s of visible time");
        var reports = engage.Where(e => e.Type == "engage").ToList();
        Assert.InRange(reports.Sum(e => e.DurationMs), 6000u, 9000u);
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        Assert.Equal((int)Math.Round((1400 + 700) * 100.0 / height), reports.Max(e => e.ScrollDepth));
    }

    private static Task SetHiddenAsync(Microsoft.Playwright.IPage page, bool hidden) => page.EvaluateAsync(
        "hidden => { Object.defineProperty(document, 'hidden', { value: hidden, configurable: true }); document.dispatchEvent(new Event('visibilitychange')) }", hidden);
}
