using ClickTrace.Server.Tests.EndToEnd;

namespace ClickTrace.Server.Tests.Tag.Browser;

/// <summary>tracker-js/src/clicks.js in Chromium: every click, and the frustration signals.</summary>
public sealed class ClickCaptureTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncDisposable
{
    private readonly TagPage _tag = new(chromium);

    public ValueTask DisposeAsync() => _tag.DisposeAsync();

    private const string Box = "position:absolute;display:block;margin:0;width:200px;height:50px";

    [Fact]
    public async Task A_click_records_the_element_its_text_link_and_where_on_the_page_and_in_the_element()
    {
        var page = await _tag.OpenAsync($"""
            <div style="height:2000px"></div>
            <a id="buy" href="/checkout" onclick="event.preventDefault()" style="{Box};left:100px;top:400px">Buy <b>now</b></a>
            <p id="plain" style="{Box};left:100px;top:1200px">Just   text</p>
            """);

        await page.Mouse.ClickAsync(150, 420);                 // on the <b> inside the link
        await page.EvaluateAsync("() => scrollTo(0, 1000)");
        await page.Mouse.ClickAsync(130, 230);                 // page y 1230: 30 px into the paragraph
        await _tag.RunForAsync(100);                           // the element's box is read after the next frame
        await _tag.LeaveAsync();

        var clicks = await _tag.EventsAsync("click", 2);
        var link = clicks.Single(c => c.Selector == "#buy");
        Assert.Equal(("a", "Buy now", true, ""), (link.Tag, link.Text, link.Interactive, link.Ad));
        Assert.EndsWith("/checkout", link.Href, StringComparison.Ordinal);
        Assert.Equal((150, 420, 50, 20), (link.X, link.Y, link.ElementX, link.ElementY));
        Assert.Equal((1000, 700), (link.ViewportWidth, link.ViewportHeight));
        var text = clicks.Single(c => c.Selector == "#plain");
        Assert.Equal(("p", "Just text", false, ""), (text.Tag, text.Text, text.Interactive, text.Href));
        Assert.Equal((130, 1230, 30, 30), (text.X, text.Y, text.ElementX, text.ElementY));
        Assert.Empty(_tag.PageErrors);
    }

    [Fact]
    public async Task A_click_is_credited_to_its_interactive_element_and_never_takes_text_from_fields_or_ignored_subtrees()
    {
        var page = await _tag.OpenAsync("""
            <input id="card" value="4111 1111 1111 1111">
            <textarea id="notes">private notes</textarea>
            <div data-ct-ignore><button id="hidden-button">Ignored</button></div>
            <button id="save"><span class="icon">★</span> Save</button>
            """);

        await page.ClickAsync("#card");
        await page.ClickAsync("#notes");
        await page.ClickAsync("#hidden-button");
        await page.ClickAsync("#save .icon");
        await _tag.LeaveAsync();

        var clicks = await _tag.EventsAsync("click", 3);
        Assert.Equal(["#card", "#notes", "#save"], clicks.Select(c => c.Selector));
        Assert.Equal(["", "", "★ Save"], clicks.Select(c => c.Text));
        Assert.Equal([true, true, true], clicks.Select(c => c.Interactive));
    }

    [Fact]
    public async Task Selectors_prefer_stable_attributes_and_stop_once_they_find_the_element()
    {
        var page = await _tag.OpenAsync("""
            <ul><li><a href="#one">One</a></li><li><a href="#two" data-testid="second">Two</a></li></ul>
            <div><p>Plain <b>bold</b></p><p>Other <b>bold</b></p></div>
            <form><input name="q"><button type="submit" onclick="event.preventDefault()">Search</button></form>
            """);

        await page.ClickAsync("[data-testid=second]");
        await page.ClickAsync("p:nth-of-type(2) b");
        await page.ClickAsync("button");
        await _tag.LeaveAsync();

        var clicks = await _tag.EventsAsync("click", 3);
        Assert.Equal(["a[data-testid=\"second\"]", "p:nth-of-type(2) > b", "button[type=\"submit\"]"], clicks.Select(c => c.Selector));
        foreach (var click in clicks)
            Assert.Equal(1, await page.EvaluateAsync<int>("s => document.querySelectorAll(s).length", click.Selector));
    }

    [Fact]
    public async Task A_click_inside_an_ad_placement_names_the_ad_variant()
    {
        var page = await _tag.OpenAsync("""
            <aside data-ct-ad="summer-b"><a id="promo" href="#promo">Summer sale</a></aside>
            """);

        await page.ClickAsync("#promo");
        await _tag.LeaveAsync();

        var click = Assert.Single(await _tag.EventsAsync("click", 1));
        Assert.Equal(("#promo", "summer-b"), (click.Selector, click.Ad));
    }

    [Fact]
    public async Task Three_quick_clicks_in_one_spot_that_change_nothing_are_a_rage_click()
    {
        var page = await _tag.OpenAsync($"""
            <button id="broken" style="{Box};left:10px;top:10px">Apply coupon</button>
            <button id="far" style="{Box};left:10px;top:300px">Far</button>
            """);

        for (var i = 0; i < 4; i++) await page.Mouse.ClickAsync(60 + i * 3, 30);
        await page.Mouse.ClickAsync(60, 30);
        await page.Mouse.ClickAsync(60, 320);                 // too far away: ends nothing, joins nothing
        await _tag.RunForAsync(1100);                          // the burst is reported once it is over
        await _tag.LeaveAsync();

        var rage = Assert.Single(await _tag.EventsAsync("rage", 1));
        Assert.Equal(("#broken", "button", 5), (rage.Selector, rage.Tag, (int)rage.Count));
    }

    [Fact]
    public async Task Selecting_text_with_double_and_triple_clicks_or_using_a_stepper_is_not_rage()
    {
        var page = await _tag.OpenAsync($"""
            <p id="copy" style="{Box};left:10px;top:10px">Some words to select</p>
            <button id="plus" style="{Box};left:10px;top:200px" onclick="document.getElementById('qty').textContent++">+</button>
            <span id="qty">1</span>
            <button id="broken" style="{Box};left:10px;top:400px">Nothing</button>
            """);

        await page.Mouse.ClickAsync(40, 30, new() { ClickCount = 3 });
        await page.Mouse.ClickAsync(40, 30, new() { ClickCount = 2 });
        for (var i = 0; i < 5; i++) await page.Mouse.ClickAsync(60, 220);
        for (var i = 0; i < 3; i++) await page.Mouse.ClickAsync(60, 420);   // the one real rage click, last
        await _tag.RunForAsync(1100);
        await _tag.LeaveAsync();

        var rage = await _tag.EventsAsync("rage", 1);
        Assert.Equal(["#broken"], rage.Select(r => r.Selector));
        Assert.Equal("6", await page.TextContentAsync("#qty"));
    }

    [Fact]
    public async Task A_click_that_changes_nothing_within_two_and_a_half_seconds_is_a_dead_click()
    {
        var page = await _tag.OpenAsync("""
            <span id="fake-link" style="color:blue;text-decoration:underline">Shipping details</span>
            <button id="toggle" onclick="this.classList.toggle('open')">Toggle</button>
            <label for="email">Email</label><input id="email" name="email">
            <a id="anchor" href="#details">Details</a>
            <button id="slow">Slow</button>
            """);

        await page.ClickAsync("#toggle");                      // changes the page
        await page.ClickAsync("label");                       // moves the focus into the field
        await page.ClickAsync("#anchor");                     // navigates (a hash change)
        await page.ClickAsync("#fake-link");                  // does nothing at all
        await _tag.RunForAsync(2600);
        await page.ClickAsync("#slow");
        await _tag.RunForAsync(2400);
        await _tag.LeaveAsync();                               // flushes what the tag has so far
        var early = await _tag.EventsAsync(all => all.Any(e => e.Type == "click" && e.Selector == "#slow"), "the click on #slow");
        Assert.DoesNotContain(early, e => e.Type == "dead" && e.Selector == "#slow");
        await _tag.RunForAsync(200);
        await _tag.LeaveAsync();

        var deadClicks = await _tag.EventsAsync("dead", 2);
        Assert.Equal(["#fake-link", "#slow"], deadClicks.Select(d => d.Selector));
    }

    [Fact]
    public async Task A_script_error_right_after_a_click_is_an_error_click_on_that_element()
    {
        var page = await _tag.OpenAsync("""
            <button id="pay" onclick="throw new Error('card form failed')">Pay</button>
            """);

        await page.ClickAsync("#pay");
        await _tag.LeaveAsync();

        var errorClick = Assert.Single(await _tag.EventsAsync("errclick", 1));
        Assert.Equal(("#pay", "button"), (errorClick.Selector, errorClick.Tag));
        Assert.Contains("card form failed", errorClick.Name, StringComparison.Ordinal);
        var error = Assert.Single(await _tag.EventsAsync("error", 1));
        Assert.Equal(errorClick.Name, error.Name);
        Assert.Contains(_tag.PageErrors, e => e.Contains("card form failed", StringComparison.Ordinal));
    }
}
