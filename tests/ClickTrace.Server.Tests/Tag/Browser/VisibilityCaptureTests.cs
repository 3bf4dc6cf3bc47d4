using ClickTrace.Server.Tests.EndToEnd;

namespace ClickTrace.Server.Tests.Tag.Browser;

/// <summary>tracker-js/src/visibility.js in Chromium: link impressions, ad views and funnel steps.</summary>
public sealed class VisibilityCaptureTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncDisposable
{
    private readonly TagPage _tag = new(chromium);

    public ValueTask DisposeAsync() => _tag.DisposeAsync();

    [Fact]
    public async Task Links_count_as_seen_once_per_page_view_when_at_least_half_visible()
    {
        var page = await _tag.OpenAsync("""
            <a id="top" href="/top">Top link</a>
            <div style="height:650px"></div>
            <a id="edge" href="/edge" style="display:block;height:100px;line-height:100px">Barely showing</a>
            <div style="height:2000px"></div>
            <a id="bottom" href="/bottom">Bottom link</a>
            <div data-ct-ignore><a id="private" href="/private">Account</a></div>
            <div style="height:1000px"></div>
            """);

        await _tag.IntersectionsDeliveredAsync("#top");
        await _tag.ScrollAsync(2500);      // the bottom link comes into view
        await _tag.IntersectionsDeliveredAsync("#bottom");
        await _tag.RunForAsync(100);
        await _tag.ScrollAsync(0);         // and the top one again: not a second impression
        await _tag.IntersectionsDeliveredAsync("#top");
        await _tag.RunForAsync(100);
        await page.EvaluateAsync("() => history.pushState({}, '', '/next')");   // a new page view: seen again
        await _tag.RunForAsync(100);
        await _tag.IntersectionsDeliveredAsync("#top");
        await _tag.RunForAsync(100);
        await _tag.LeaveAsync();

        var impressions = await _tag.EventsAsync("impression", 3);
        bool Next(StoredEvent i) => i.Url.EndsWith("/next", StringComparison.Ordinal);
        Assert.Equal(["#bottom", "#top"], impressions.Where(i => !Next(i)).Select(i => i.Selector).Order());   // #edge: never half visible
        Assert.Equal(["#top"], impressions.Where(Next).Select(i => i.Selector));
        var top = impressions.First(i => i.Selector == "#top");
        Assert.Equal(("Top link", 8), (top.Text, top.X));
        Assert.EndsWith("/top", top.Href, StringComparison.Ordinal);
        Assert.DoesNotContain(impressions, i => i.Selector == "#private");
    }

    [Fact]
    public async Task An_ad_counts_as_viewed_after_a_second_at_least_half_visible_and_its_clicks_name_it()
    {
        var page = await _tag.OpenAsync("""
            <div id="hero" data-ct-ad="hero-a" style="height:200px">Hero</div>
            <div style="height:1500px"></div>
            <div id="footer-ad" data-ct-ad="footer-b" style="height:200px">Footer</div>
            <div style="height:1000px"></div>
            """);

        await _tag.RunForAsync(1100);                          // the hero ad: a full second in view
        await _tag.ScrollAsync(1600);      // the footer ad: only half a second
        await _tag.RunForAsync(500);
        await _tag.ScrollAsync(0);
        await _tag.RunForAsync(1100);
        await _tag.LeaveAsync();

        var views = await _tag.EventsAsync("adview", 1);
        var view = Assert.Single(views);
        Assert.Equal(("hero-a", "#hero"), (view.Ad, view.Selector));
    }

    [Fact]
    public async Task A_funnel_step_is_recorded_once_when_it_is_shown()
    {
        var page = await _tag.OpenAsync("""
            <section data-ct-step="cart">Cart</section>
            <section id="details" data-ct-step="checkout-details" style="display:none">Your details</section>
            """);

        await page.EvaluateAsync("() => { document.getElementById('details').style.display = 'block' }");
        await _tag.RunForAsync(600);                           // the page is rescanned shortly after it changes
        await page.EvaluateAsync("() => document.body.append(document.createElement('p'))");
        await _tag.RunForAsync(600);
        await _tag.LeaveAsync();

        var steps = await _tag.EventsAsync("step", 2);
        Assert.Equal(["cart", "checkout-details"], steps.Select(s => s.Name));
    }
}
