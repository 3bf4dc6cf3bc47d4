using ClickTrace.Server.Tests.EndToEnd;
using ClickTrace.Server.Tests.Hosting;
using Xunit.Abstractions;

namespace ClickTrace.Server.Tests.Tag.Browser;

/// <summary>
/// The tag's main-thread work on the click path, measured in Chromium with real (trusted) clicks on a
/// product grid. It runs alone, after the other tests, so that their load does not decide it.
/// </summary>
[Collection(HeavyCollection.Name)]
public sealed class ClickCostTests(Chromium chromium, ITestOutputHelper output) : IClassFixture<Chromium>, IAsyncDisposable
{
    private readonly TagPage _tag = new(chromium);

    public ValueTask DisposeAsync() => _tag.DisposeAsync();

    // Cross-origin isolation gives performance.now() 5 µs steps instead of 100 µs.
    private static readonly Dictionary<string, string> Isolated = new()
    {
        ["Cross-Origin-Opener-Policy"] = "same-origin",
        ["Cross-Origin-Embedder-Policy"] = "require-corp",
    };

    // The first capture listener on window runs before the tag's, the bubbling one after every other.
    private const string Stopwatch = "<script>addEventListener('click', () => window.t0 = performance.now(), true)</script>";
    private const string Lap = "<script>window.laps = []; addEventListener('click', e => e.target.localName == 'button' && laps.push(performance.now() - t0))</script>";

    /// <summary>
    /// The design target is under 0.1 ms of main-thread work per click; this test measures and reports the
    /// figure. On the project's 2-core machine the median of 200 clicks is 0.06 to 0.075 ms when this test runs
    /// alone, and 0.125 ms at the end of the full suite, when the engine is still merging earlier tests'
    /// data in the same process (docs/tag.md). A timed assertion at the target would fail on a busy machine,
    /// so the bound is 0.3 ms: enough to catch a regression like one storage write per event.
    /// </summary>
    [Fact]
    public async Task Handling_a_click_costs_the_main_thread_about_a_tenth_of_a_millisecond()
    {
        // 40 product cards in a grid that fits the window, and 200 paragraphs of text with links: about 1,300 elements.
        var body = "<style>nav{display:grid;grid-template-columns:repeat(10,1fr);font-size:7px}.img{display:none}button{font-size:7px;padding:0}</style><nav>" + string.Concat(Enumerable.Range(1, 40).Select(i =>
                       $"<div class=\"card\"><a href=\"#p{i}\"><div class=\"img\"></div>Product {i}</a><span>{i}.99</span><button class=\"add\">Add to cart</button></div>")) +
                   "</nav><section>" + string.Concat(Enumerable.Repeat("<p>Some <b>filler</b> text <a href=\"#more\">more</a></p>", 200)) + "</section>" + Lap;

        var without = await LapsAsync(await _tag.OpenAsync(body, head: Stopwatch, headers: Isolated, local: false, waitForTag: false, fakeClock: false));
        var with = await LapsAsync(await _tag.OpenAsync(body, head: Stopwatch, headers: Isolated, fakeClock: false));

        var cost = Median(with) - Median(without);
        output.WriteLine($"Click path, median of {with.Count} clicks: {cost * 1000:0} µs with the tag (with {Median(with) * 1000:0} µs, " +
                         $"without {Median(without) * 1000:0} µs; means {with.Average() * 1000:0} and {without.Average() * 1000:0} µs)");
        Assert.True(cost < 0.3, $"the tag costs {cost:0.000} ms per click (median)");
    }

    private static async Task<IReadOnlyList<double>> LapsAsync(Microsoft.Playwright.IPage page)
    {
        Assert.True(await page.EvaluateAsync<bool>("() => crossOriginIsolated"));
        var buttons = await page.QuerySelectorAllAsync(".add");
        var boxes = new List<(float X, float Y)>();
        foreach (var button in buttons) boxes.Add((await button.BoundingBoxAsync())! is var b ? (b.X + 2, b.Y + 2) : default);
        for (var i = 0; i < 200; i++)
        {
            var (x, y) = boxes[i * 7 % boxes.Count];
            await page.Mouse.ClickAsync(x, y);
        }
        var laps = await page.EvaluateAsync<double[]>("() => laps");
        Assert.Equal(200, laps.Length);                        // every click landed on its button
        return laps;
    }

    private static double Median(IReadOnlyList<double> values) => values.Order().ElementAt(values.Count / 2);
}
