using ClickTrace.Server.Tests.EndToEnd;

namespace ClickTrace.Server.Tests.Tag.Browser;

/// <summary>The tag on hostile or unusual host pages: it keeps working and never breaks them.</summary>
public sealed class HostPageTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncDisposable
{
    private readonly TagPage _tag = new(chromium);

    public ValueTask DisposeAsync() => _tag.DisposeAsync();

    [Fact]
    public async Task A_host_page_whose_own_scripts_throw_still_has_its_clicks_recorded()
    {
        var page = await _tag.OpenAsync("""
            <button id="buy" onclick="throw new Error('host handler broke')">Buy</button>
            <script>document.addEventListener('click', () => { throw new Error('host listener broke') }, true)</script>
            """, head: "<script>throw new Error('host script broke')</script>");

        await page.ClickAsync("#buy");
        await _tag.LeaveAsync();

        var click = Assert.Single(await _tag.EventsAsync("click", 1));
        Assert.Equal("#buy", click.Selector);
        Assert.All(_tag.PageErrors, e => Assert.Contains("host", e, StringComparison.Ordinal));
        Assert.Equal(3, _tag.PageErrors.Count);
    }

    [Fact]
    public async Task A_page_that_breaks_fetch_loses_nothing_the_beacon_delivers_it_on_leaving()
    {
        var page = await _tag.OpenAsync("<button id=\"b\">Add</button>",
            head: "<script>window.fetch = () => { throw new Error('fetch is not allowed here') }</script>");

        for (var i = 0; i < 25; i++) await page.ClickAsync("#b");   // a full batch tries fetch at once
        await _tag.LeaveAsync();

        Assert.Equal(25, (await _tag.EventsAsync("click", 25)).Count);
        Assert.Empty(_tag.PageErrors);
    }

    [Fact]
    public async Task An_unreachable_collector_never_breaks_the_page()
    {
        var page = await _tag.OpenAsync("""
            <button id="b">Go</button><p id="out"></p>
            <script>document.getElementById('b').onclick = () => document.getElementById('out').textContent = 'still working'</script>
            """, "data-api=\"http://127.0.0.1:9/api/collect\"");

        for (var i = 0; i < 25; i++) await page.ClickAsync("#b");   // more than a batch: the tag tries to send
        await _tag.RunForAsync(10_000);                              // and retries
        await page.EvaluateAsync("() => history.pushState({}, '', '/next')");
        await page.EvaluateAsync("() => clicktrace('still-fine')");

        Assert.Equal("still working", await page.TextContentAsync("#out"));
        Assert.Empty(_tag.PageErrors);
        Assert.Empty(_tag.Payloads);
    }

    [Fact]
    public async Task A_batch_the_collector_refuses_with_503_is_retried_with_a_growing_delay_and_stored_once()
    {
        // The page's clock at each attempt and at each answer, read in the page.
        var page = await _tag.OpenAsync("<button id=\"b\">Go</button>", initScript: """
            const send = window.fetch;
            window.attempts = [];
            window.answers = [];
            window.fetch = function (url) {
              const sent = send.apply(this, arguments);
              if (String(url).includes('/api/collect')) { attempts.push(Date.now()); sent.finally(() => answers.push(Date.now())); }
              return sent;
            };
            """);
        var refused = 0;
        await page.RouteAsync("**/api/collect", async route =>
        {
            if (Interlocked.Increment(ref refused) <= 2) await route.FulfillAsync(new() { Status = 503, Body = "busy" });
            else await route.ContinueAsync();
        });

        for (var i = 0; i < 3; i++) await page.ClickAsync("#b");
        // The page's clock moves only when run: the tag sends 2 s after the first event, then retries 2 s
        // and 4 s after each refusal. Run in steps, never past an attempt whose answer has not arrived.
        for (var step = 0; step < 80 && await page.EvaluateAsync<int>("() => attempts.length") < 3; step++)
        {
            await page.WaitForFunctionAsync("() => answers.length == attempts.length", null, new() { PollingInterval = 20 });
            await _tag.RunForAsync(250);
        }

        var clicks = await _tag.EventsAsync("click", 3);
        Assert.Equal(3, clicks.Count);
        var at = await page.EvaluateAsync<long[]>("() => attempts");
        var answered = await page.EvaluateAsync<long[]>("() => answers");
        Assert.Equal(3, at.Length);
        // Each delay starts when the refusal arrives: 2 s, then 4 s (to the 250 ms step).
        Assert.InRange(at[1] - answered[0], 2000, 2250);
        Assert.InRange(at[2] - answered[1], 4000, 4250);
    }

    [Fact]
    public async Task The_tag_works_under_a_strict_content_security_policy()
    {
        var csp = "default-src 'none'; script-src 'self'; connect-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'";
        var violations = new List<string>();
        _tag.OnConsole = message => { if (message.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add(message); };
        var page = await _tag.OpenAsync("<a id=\"next\" href=\"#next\">Next</a>", headers: new Dictionary<string, string> { ["Content-Security-Policy"] = csp });

        await page.ClickAsync("#next");
        await _tag.LeaveAsync();

        Assert.Single(await _tag.EventsAsync("click", 1));
        Assert.Empty(violations);
        Assert.Empty(_tag.PageErrors);
    }
}
