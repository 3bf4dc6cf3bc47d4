using ClickTrace.Server.Tests.EndToEnd;

namespace ClickTrace.Server.Tests.Tag.Browser;

/// <summary>What the tag never records, and when it records nothing at all.</summary>
public sealed class PrivacyTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncDisposable
{
    private readonly TagPage _tag = new(chromium);

    public ValueTask DisposeAsync() => _tag.DisposeAsync();

    private static readonly string[] FieldTypes = ["text", "email", "password", "number", "tel", "search", "url", "date"];

    [Fact]
    public async Task Nothing_typed_into_any_kind_of_field_ever_leaves_the_page()
    {
        var inputs = string.Concat(FieldTypes.Select(t => $"<label>{t} <input type=\"{t}\" name=\"f-{t}\"></label>"));
        var page = await _tag.OpenAsync($"""
            <form id="f" onsubmit="event.preventDefault()">{inputs}
              <textarea name="notes"></textarea>
              <div id="editor" contenteditable="true"></div>
              <div data-ct-ignore><input name="ignored"><span id="balance">Balance 9,876.54</span></div>
              <button id="send">Send</button>
            </form>
            """);

        var secrets = new List<string>();
        foreach (var type in FieldTypes)
        {
            var secret = type switch { "number" => "739184", "date" => "1937-03-29", "email" => "secret.ann@example.com", "url" => "https://secret.example/", _ => $"secret-{type}-7391" };
            secrets.Add(secret);
            await page.ClickAsync($"[name=f-{type}]");
            if (type == "date") await page.FillAsync("[name=f-date]", secret);
            else await page.Keyboard.TypeAsync(secret);
        }
        await page.ClickAsync("[name=notes]");
        await page.Keyboard.TypeAsync("secret-notes-5521");
        await page.ClickAsync("#editor");
        await page.Keyboard.TypeAsync("secret-editor-8832");
        await page.ClickAsync("#editor");
        await page.ClickAsync("[name=ignored]");
        await page.Keyboard.TypeAsync("secret-ignored-1177");
        await page.ClickAsync("#balance");
        await page.ClickAsync("#send");
        await _tag.LeaveAsync();

        await _tag.EventsAsync("submit", 1);
        secrets.AddRange(["secret-notes-5521", "secret-editor-8832", "secret-ignored-1177", "9,876.54"]);
        var sent = string.Join('\n', _tag.Payloads);
        Assert.Contains("\"t\":\"field\"", sent, StringComparison.Ordinal);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, sent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cookieless_mode_stores_nothing_in_the_browser_and_the_collector_derives_the_visitor()
    {
        var page = await _tag.OpenAsync("<button id=\"b\">Go</button>", "data-cookieless");

        await page.ClickAsync("#b");
        var storage = await page.EvaluateAsync<int>("() => localStorage.length + sessionStorage.length + document.cookie.length");
        await _tag.LeaveAsync();

        Assert.Equal(0, storage);
        var events = await _tag.EventsAsync(all => all.Count(e => e.Type is "pageview" or "click") >= 2, "the page view and the click");
        Assert.Single(events.Select(e => e.VisitorId).Distinct());
        Assert.Single(events.Select(e => e.SessionId).Distinct());
        Assert.NotEqual(0UL, events[0].VisitorId);
        Assert.All(_tag.Payloads, p => Assert.DoesNotContain("\"vid\"", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_data_respect_dnt_a_visitor_with_global_privacy_control_is_not_tracked()
    {
        const string gpc = "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true })";
        var page = await _tag.OpenAsync("<button id=\"b\">Go</button>", "data-respect-dnt", waitForTag: false, initScript: gpc);
        await page.ClickAsync("#b");

        Assert.Equal("undefined|0", await page.EvaluateAsync<string>("() => typeof window.clicktrace + '|' + localStorage.length"));

        var tracked = await _tag.OpenAsync("<button id=\"b\">Go</button>", initScript: gpc);   // the site did not ask: tracked
        await tracked.ClickAsync("#b");
        await _tag.LeaveAsync();
        Assert.Single(await _tag.EventsAsync("click", 1));
    }

    [Fact]
    public async Task Local_pages_and_automated_browsers_are_ignored_unless_the_tag_says_data_local()
    {
        var page = await _tag.OpenAsync("<button id=\"b\">Go</button>", local: false, waitForTag: false);
        await page.ClickAsync("#b");

        Assert.Equal("undefined|0", await page.EvaluateAsync<string>("() => typeof window.clicktrace + '|' + localStorage.length"));
    }

    [Theory]
    [InlineData("0.4", false)]
    [InlineData("0.6", true)]
    public async Task Sampling_keeps_or_leaves_out_a_visitor_by_their_id(string rate, bool tracked)
    {
        // The visitor id's first 8 hex digits place the visitor at 0.5 in [0, 1).
        // The real clock: the check below waits for a timer, which a paused fake clock would never fire.
        var page = await _tag.OpenAsync("<h1>Hi</h1>", $"data-sample=\"{rate}\"", waitForTag: false, fakeClock: false,
            initScript: "localStorage.ct_vid = '80000000aaaaaaaa'");

        Assert.Equal(tracked, await page.EvaluateAsync<bool>("() => new Promise(r => setTimeout(() => r(!!window.clicktrace?.identify), 0))"));
    }
}
