using ClickTrace.Server.Tests.EndToEnd;

namespace ClickTrace.Server.Tests.Tag.Browser;

/// <summary>tracker-js/src/errors.js in Chromium: uncaught errors and rejections, deduplicated and capped.</summary>
public sealed class ErrorCaptureTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncDisposable
{
    private readonly TagPage _tag = new(chromium);

    public ValueTask DisposeAsync() => _tag.DisposeAsync();

    [Fact]
    public async Task Uncaught_errors_and_rejections_are_recorded_with_script_and_line_once_each()
    {
        var page = await _tag.OpenAsync("""
            <button id="same" onclick="undefinedFunction()">Same error</button>
            <button id="reject" onclick="Promise.reject(new Error('payment API down'))">Reject</button>
            """);

        await page.ClickAsync("#same");
        await page.ClickAsync("#same");                          // the same error again: recorded once
        await page.ClickAsync("#reject");
        await _tag.RunForAsync(100);
        await _tag.LeaveAsync();

        var errors = await _tag.EventsAsync("error", 2);
        await Task.WhenAll(_tag.EventsAsync("errclick", 2));
        Assert.Equal(2, errors.Count);
        var thrown = errors.Single(e => e.Name.Contains("undefinedFunction", StringComparison.Ordinal));
        Assert.EndsWith("/tag-test.html", thrown.Href, StringComparison.Ordinal);
        Assert.Equal(1, thrown.Line);
        Assert.Contains(errors, e => e.Name == "payment API down");
    }

    [Fact]
    public async Task At_most_ten_errors_are_recorded_per_page_view()
    {
        var page = await _tag.OpenAsync("<button id=\"b\" onclick=\"throw new Error('failure ' + (window.n = (window.n || 0) + 1))\">Fail</button>");

        for (var i = 0; i < 15; i++) await page.ClickAsync("#b");
        await page.EvaluateAsync("() => history.pushState({}, '', '/next')");   // a new view: errors count again
        await page.ClickAsync("#b");
        await _tag.LeaveAsync();

        var errors = await _tag.EventsAsync("error", 11);
        Assert.Equal(10, errors.Count(e => !e.Url.EndsWith("/next", StringComparison.Ordinal)));
        Assert.Equal("failure 16", errors.Single(e => e.Url.EndsWith("/next", StringComparison.Ordinal)).Name.Replace("Uncaught Error: ", "", StringComparison.Ordinal));
    }
}
