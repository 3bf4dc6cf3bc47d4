using ClickTrace.Traffic.DemoShop;
using Microsoft.Playwright;

namespace ClickTrace.TrafficSim;

/// <summary>Browser mode's settings.</summary>
public sealed record BrowserModeOptions
{
    /// <summary>The demo shop's origin, e.g. http://localhost:5090 (pages are under /shop/).</summary>
    public required Uri Shop { get; init; }

    public string Chromium { get; init; } = "/usr/bin/chromium";

    /// <summary>Visitors at the same time, each in a browser context of its own.</summary>
    public int Parallel { get; init; } = 4;

    /// <summary>How fast time passes for the visitors: 1 is human (minutes per visit), 0.02 fifty times faster.</summary>
    public double Speed { get; init; } = 1;
}

/// <summary>
/// Browser mode: each planned visitor in real headless Chromium, in a fresh context (a new visitor to the
/// tag), presenting an ordinary desktop or phone User-Agent. The tag does all the recording.
/// </summary>
public static class BrowserMode
{
    // A banner is "viewed" after a second half visible: pages with one are kept open at least this long.
    private const int AdViewMs = 1300;
    // A click is "dead" when nothing happens for 2.5 s: the visitor waits that long after pressing.
    private const int DeadClickMs = 2800;

    public static async Task<SimReport> RunAsync(BrowserModeOptions options, IReadOnlyList<VisitPlan> plans, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(options.Chromium))
            throw new InvalidOperationException($"Chromium not found at {options.Chromium}: install it with 'apt-get install -y chromium'.");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = options.Chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
        });
        var report = new SimReport();
        using var slots = new SemaphoreSlim(options.Parallel);
        await Task.WhenAll(plans.Select(async plan =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                await new Visit(browser, options, plan, report).RunAsync(cancellationToken);
            }
            catch (Exception error) when (error is PlaywrightException or TimeoutException)
            {
                report.Failed(plan, error.Message.Split('\n')[0]);
            }
            finally
            {
                slots.Release();
                progress?.Report(1);
            }
        }));
        return report;
    }

    private sealed class Visit(IBrowser browser, BrowserModeOptions options, VisitPlan plan, SimReport report)
    {
        private string _path = "";
        private int _pending;

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            var (width, height) = plan.Viewport;
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                UserAgent = plan.UserAgent, ViewportSize = new ViewportSize { Width = width, Height = height }, IsMobile = plan.Mobile, HasTouch = plan.Mobile,
            });
            // The shop's A/B assignment, decided by the plan (a random 50/50 would not let it plant the winner).
            await context.AddCookiesAsync([new Cookie { Name = DemoShopMap.VariantCookie, Value = plan.Variants, Url = options.Shop.ToString() }]);
            // The tag's batches pass through here on their way to the collector, so the visit can wait for the
            // last one (sent with sendBeacon as the page is left) to be answered before its context goes away.
            await context.RouteAsync(url => url.Contains("/api/collect", StringComparison.Ordinal), async route =>
            {
                Interlocked.Increment(ref _pending);
                try
                {
                    var response = await route.FetchAsync();
                    if (response.Status is < 200 or > 299) report.Refusal();
                    await route.FulfillAsync(new RouteFulfillOptions { Response = response });
                }
                catch (PlaywrightException)
                {
                    report.Refusal();
                }
                finally
                {
                    Interlocked.Decrement(ref _pending);
                }
            });
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(30_000);
            foreach (var action in plan.Actions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    await DoAsync(page, action);
                }
                catch (Exception error) when (error is PlaywrightException or TimeoutException)
                {
                    throw new TimeoutException($"{action} on {_path}: {error.Message.Split('\n')[0]}", error);
                }
            }
            // Leaving: the navigation away fires pagehide, and the tag sends its last batch with sendBeacon.
            // Wait for it (and any retry) to be answered before the context, and its network, goes away.
            await Task.Delay(300, cancellationToken);
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (Volatile.Read(ref _pending) > 0 && DateTime.UtcNow < deadline) await Task.Delay(25, cancellationToken);
            if (Volatile.Read(ref _pending) > 0) throw new TimeoutException("the tag's last batch was not answered within 15 s");
            report.Completed(plan);
        }

        private async Task DoAsync(IPage page, VisitAction action)
        {
            switch (action)
            {
                case Open open:
                    await page.GotoAsync(new Uri(options.Shop, open.Path).ToString());
                    await ShownAsync(page, open.Path);
                    break;
                case Follow follow:
                    await NavigateAsync(page, () => page.ClickAsync(follow.Selector), follow.Path);
                    break;
                case Submit submit:
                    await NavigateAsync(page, () => page.ClickAsync(submit.Button), submit.Path);
                    break;
                case Fill fill:
                    await page.FillAsync($"[name=\"{fill.Field}\"]", fill.Value);
                    await WaitAsync(fill.Milliseconds, floor: 20);
                    break;
                case Hesitate hesitate:
                    await page.FocusAsync($"[name=\"{hesitate.Field}\"]");
                    await WaitAsync(hesitate.Milliseconds, floor: 100);
                    break;
                case Press press:
                    for (var i = 0; i < press.Times; i++) await page.ClickAsync(press.Selector, new PageClickOptions { Delay = 20 });
                    await Task.Delay(DeadClickMs);
                    break;
                case Read read:
                    var hasBanner = _path == DemoShopMap.Home || _path.StartsWith(DemoShopMap.Base + "/product/", StringComparison.Ordinal);
                    await WaitAsync(read.Milliseconds, floor: hasBanner ? AdViewMs : 50);
                    await page.EvaluateAsync("p => scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * p / 100)", read.ScrollPercent);
                    break;
                case Leave:
                    await page.GotoAsync("about:blank");
                    break;
            }
        }

        private async Task NavigateAsync(IPage page, Func<Task> act, string pathAndQuery)
        {
            var target = new Uri(options.Shop, pathAndQuery);
            await act();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == target.AbsolutePath, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Load });
            await ShownAsync(page, pathAndQuery);
        }

        private async Task ShownAsync(IPage page, string pathAndQuery)
        {
            _path = pathAndQuery.Split('?')[0];
            await page.WaitForFunctionAsync("() => !!window.clicktrace?.identify");
        }

        private Task WaitAsync(int humanMs, int floor) => Task.Delay(Math.Max(floor, (int)(humanMs * options.Speed)));
    }
}
