using ClickTrace.Traffic.DemoShop;
using Microsoft.Playwright;

namespace ClickTrace.TrafficSim;

/// <summary>Browser mode's settings.</summary>
public sealed record BrowserModeOptions
{
    /// <summary>The demo shop's origin, e.g. http://localhost:5090 (pages are under /shop/).</summary>
    public required Uri Shop { get; init; }

    public string Chromium { get; init; } = "/usr/bin/chromium";

    /// <summary>Visitors at the same time (each worker has a tab of its own per device).</summary>
    public int Parallel { get; init; } = 4;

    /// <summary>How fast time passes for the visitors: 1 is human (minutes per visit), 0.02 fifty times faster.</summary>
    public double Speed { get; init; } = 1;
}

/// <summary>
/// Browser mode: each planned visitor in real headless Chromium, a new visitor to the tag (no cookies, no
/// stored ids), presenting an ordinary desktop or phone User-Agent. The tag does all the recording.
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
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
                   // Many short visits: one renderer per site instead of one per page, no back-forward cache.
                   "--process-per-site", "--renderer-process-limit=4", "--disable-features=BackForwardCache,Translate,OptimizationHints,MediaRouter", "--disable-extensions", "--mute-audio"],
        });
        var report = new SimReport();
        var queue = new System.Collections.Concurrent.ConcurrentQueue<VisitPlan>(plans);
        await Task.WhenAll(Enumerable.Range(0, options.Parallel).Select(async _ =>
        {
            // A worker's browser contexts (one per device, as the User-Agent is the context's) are reused from
            // visitor to visitor, their storage cleared in between, which saves starting renderers per visitor.
            var contexts = new Dictionary<bool, Worker>();
            try
            {
                while (queue.TryDequeue(out var plan))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!contexts.TryGetValue(plan.Mobile, out var worker))
                        contexts[plan.Mobile] = worker = await Worker.StartAsync(browser, options, plan, report);
                    try
                    {
                        await worker.VisitAsync(plan, cancellationToken);
                    }
                    catch (Exception error) when (error is PlaywrightException or TimeoutException)
                    {
                        report.Failed(plan, error.Message.Split('\n')[0]);
                    }
                    progress?.Report(1);
                }
            }
            finally
            {
                foreach (var worker in contexts.Values) await worker.Context.DisposeAsync();
            }
        }));
        return report;
    }

    /// <summary>One browser context (a desktop or a phone) and the collector requests in flight from it.</summary>
    private sealed class Worker(IBrowserContext context, BrowserModeOptions options, SimReport report)
    {
        private int _pending;

        public IBrowserContext Context => context;

        public static async Task<Worker> StartAsync(IBrowser browser, BrowserModeOptions options, VisitPlan first, SimReport report)
        {
            var (width, height) = first.Viewport;
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                UserAgent = first.UserAgent, ViewportSize = new ViewportSize { Width = width, Height = height }, IsMobile = first.Mobile, HasTouch = first.Mobile,
            });
            var worker = new Worker(context, options, report);
            // The tag's batches pass through here on their way to the collector, so a visit can wait for its
            // last one (sent with sendBeacon as the page is left) to be answered before the next visitor starts.
            await context.RouteAsync(url => url.Contains("/api/collect", StringComparison.Ordinal), worker.ForwardAsync);
            return worker;
        }

        private async Task ForwardAsync(IRoute route)
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
                // The page that sent it is gone (a beacon): the collector has answered all the same.
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }

        public async Task VisitAsync(VisitPlan plan, CancellationToken cancellationToken)
        {
            // A new visitor in the same tab (a new tab would cost a renderer process, most of the CPU): no
            // cookies, no stored ids (cleared on a page of the shop without the tag), and the shop's A/B
            // assignment that the plan decided (a random 50/50 would not let it plant the winner).
            await context.ClearCookiesAsync();
            if (_page is null)
            {
                _page = await context.NewPageAsync();
                _page.SetDefaultTimeout(30_000);
            }
            if (!_page.Url.EndsWith(OutsidePath, StringComparison.Ordinal)) await _page.GotoAsync(Outside(options));
            await _page.EvaluateAsync("() => { localStorage.clear(); sessionStorage.clear(); }");
            await context.AddCookiesAsync([new Cookie { Name = DemoShopMap.VariantCookie, Value = plan.Variants, Url = options.Shop.ToString() }]);
            await new Visit(_page, options, plan).RunAsync(cancellationToken);
            // Leaving fired pagehide and the tag's last batch: wait for it (and any retry) to be answered.
            await Task.Delay(300, cancellationToken);
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (Volatile.Read(ref _pending) > 0 && DateTime.UtcNow < deadline) await Task.Delay(25, cancellationToken);
            if (Volatile.Read(ref _pending) > 0) throw new TimeoutException("the tag's last batch was not answered within 15 s");
            report.Completed(plan);
        }

        private IPage? _page;
    }

    /// <summary>A page of the shop's host without the tag (its stylesheet): where visitors go when they leave.</summary>
    private const string OutsidePath = DemoShopMap.Base + "/shop.css";

    private static string Outside(BrowserModeOptions options) => new Uri(options.Shop, OutsidePath).ToString();

    /// <summary>One visitor's actions on one page.</summary>
    private sealed class Visit(IPage page, BrowserModeOptions options, VisitPlan plan)
    {
        private static readonly bool Trace = Environment.GetEnvironmentVariable("TRAFFICSIM_TRACE") == "1";
        private string _path = "";

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            foreach (var action in plan.Actions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var clock = System.Diagnostics.Stopwatch.StartNew();
                try
                {
                    await DoAsync(page, action);
                    if (Trace) Console.Error.WriteLine($"visitor {plan.Number}: {clock.ElapsedMilliseconds,5} ms {action}");
                }
                catch (Exception error) when (error is PlaywrightException or TimeoutException)
                {
                    throw new TimeoutException($"{action} on {_path}: {error.Message.Split('\n')[0]}", error);
                }
            }
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
                    // Away from the shop's pages, in the same tab: pagehide, and the tag's beacon.
                    await page.GotoAsync(Outside(options));
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
