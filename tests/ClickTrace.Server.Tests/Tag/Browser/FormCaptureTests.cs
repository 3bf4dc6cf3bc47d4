using ClickTrace.Server.Tests.EndToEnd;

namespace ClickTrace.Server.Tests.Tag.Browser;

/// <summary>tracker-js/src/forms.js in Chromium: fields used, submits, abandoned forms; never a value.</summary>
public sealed class FormCaptureTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncDisposable
{
    private readonly TagPage _tag = new(chromium);

    public ValueTask DisposeAsync() => _tag.DisposeAsync();

    private const string Checkout = """
        <form id="checkout" onsubmit="event.preventDefault()">
          <input name="email" type="email">
          <input id="phone" type="tel">
          <select name="country"><option>DE</option><option>FR</option></select>
          <input type="hidden" name="token" value="t0k3n">
          <button id="pay">Pay</button>
        </form>
        """;

    [Fact]
    public async Task Each_field_used_records_its_name_type_form_time_and_whether_it_changed_but_never_its_value()
    {
        var page = await _tag.OpenAsync(Checkout);

        await page.FocusAsync("[name=email]");
        await _tag.RunForAsync(3000);
        await page.Keyboard.TypeAsync("ann@example.com");
        await page.FocusAsync("#phone");                         // left without a change
        await _tag.RunForAsync(500);
        await page.FocusAsync("select");
        await page.SelectOptionAsync("select", "FR");
        await page.FocusAsync("#pay");
        await _tag.LeaveAsync();

        var fields = await _tag.EventsAsync("field", 3);
        Assert.Equal([("email", "email", 1), ("phone", "tel", 0), ("country", "select-one", 1)], fields.Select(f => (f.Name, f.Tag, (int)f.Count)));
        Assert.All(fields, f => Assert.Equal("#checkout", f.Selector));
        Assert.InRange(fields[0].DurationMs, 3000u, 5000u);
        Assert.DoesNotContain(_tag.Payloads, p => p.Contains("ann@example.com", StringComparison.Ordinal) || p.Contains("t0k3n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_submitted_form_is_recorded_and_is_not_abandoned()
    {
        var page = await _tag.OpenAsync(Checkout);

        await page.FillAsync("[name=email]", "ann@example.com");
        await page.ClickAsync("#pay");
        await _tag.RunForAsync(1000);                            // a visible second: the view's end reports it
        await _tag.LeaveAsync();

        var submit = Assert.Single(await _tag.EventsAsync("submit", 1));
        Assert.Equal("#checkout", submit.Selector);
        var all = await _tag.EventsAsync(e => e.Any(x => x.Type == "engage"), "the end of the page view");
        Assert.DoesNotContain(all, e => e.Type == "abandon");
    }

    [Fact]
    public async Task Leaving_a_started_form_is_an_abandonment_naming_the_last_field_touched()
    {
        var page = await _tag.OpenAsync(Checkout + "<form id=\"newsletter\"><input name=\"nl-email\"></form>");

        await page.FillAsync("[name=email]", "ann@example.com");
        await page.FocusAsync("#phone");
        await _tag.RunForAsync(4000);                            // the visitor gives up at the phone number
        await _tag.LeaveAsync();

        var abandon = Assert.Single(await _tag.EventsAsync("abandon", 1));
        Assert.Equal(("phone", "tel", "#checkout"), (abandon.Name, abandon.Tag, abandon.Selector));
        Assert.InRange(abandon.DurationMs, 4000u, 6000u);
    }

    [Fact]
    public async Task A_single_page_navigation_ends_the_form_of_the_previous_view()
    {
        var page = await _tag.OpenAsync(Checkout);

        await page.FillAsync("[name=email]", "ann@example.com");
        await page.EvaluateAsync("() => history.pushState({}, '', '/help')");
        await _tag.LeaveAsync();

        var abandon = Assert.Single(await _tag.EventsAsync("abandon", 1));
        Assert.Equal("email", abandon.Name);
        Assert.DoesNotMatch("/help$", abandon.Url);
    }
}
