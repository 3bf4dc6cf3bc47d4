using System.Collections.Concurrent;
using ClickTrace.Server.Tests.EndToEnd;
using ClickTrace.Server.Tests.Hosting;
using ClickTrace.Storage;
using ClickTrace.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ClickTrace.Server.Tests.Tag.Browser;

/// <summary>
/// The tag on a page made for one behaviour, in Chromium, on the origin of a real ClickTrace app; the
/// page's clock is Playwright's fake one, so that the tag's timers (dead clicks, ad views, rage bursts)
/// are driven by the test instead of waited for. Every batch the tag sends is kept as sent, and the events
/// the collector stored are read back from the embedded engine.
/// </summary>
public sealed class TagPage : IAsyncDisposable
{
    public const string Site = "demo";

    private readonly CollectRecorder _collect = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private IBrowserContext? _context;

    public TagPage(Chromium chromium)
    {
        Chromium = chromium;
        App = new ClickTraceApp(TestEngine.UniqueDatabaseName("tag"), services: services => services.AddSingleton<IStartupFilter>(_collect));
    }

    private Chromium Chromium { get; }

    public ClickTraceApp App { get; }

    public IPage Page { get; private set; } = default!;

    /// <summary>The bodies the tag posted, as the collector received them.</summary>
    public IReadOnlyCollection<string> Payloads => _collect.Bodies;

    /// <summary>Called with each console message of the pages opened after it is set.</summary>
    public Action<string>? OnConsole { get; set; }

    /// <summary>Uncaught errors of the page (the host's own, and any of the tag's, which must never happen).</summary>
    public IReadOnlyCollection<string> PageErrors => _errors;

    /// <summary>
    /// Opens /tag-test.html with <paramref name="body"/>. <paramref name="attributes"/> are added to the
    /// tag's script element after data-site and data-local; <paramref name="head"/> goes before the tag.
    /// </summary>
    public async Task<IPage> OpenAsync(string body, string attributes = "", string head = "", string path = "/tag-test.html",
        IDictionary<string, string>? headers = null, bool waitForTag = true, bool local = true, string? referer = null, bool fakeClock = true,
        string? initScript = null)
    {
        _context ??= await Chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1000, Height = 700 } });
        Page = await _context.NewPageAsync();
        Page.PageError += (_, error) => _errors.Enqueue(error);
        Page.Console += (_, message) => OnConsole?.Invoke(message.Text);
        if (fakeClock)
        {
            // Installed, the fake clock still follows real time; paused, it moves only when a test runs it,
            // so a slow machine cannot add time between two steps of a test.
            var start = DateTime.UtcNow;
            await Page.Clock.InstallAsync(new() { TimeDate = start });
            await Page.Clock.PauseAtAsync(start.AddSeconds(1));
        }
        if (initScript is not null) await Page.AddInitScriptAsync(initScript);
        var url = new Uri(App.BaseAddress, path).ToString();
        var html = $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Tag test</title>{head}" +
                   $"<script defer src=\"/ct.js\" data-site=\"{Site}\"{(local ? " data-local" : "")} {attributes}></script></head><body>{body}</body></html>";
        await Page.RouteAsync(url, route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html; charset=utf-8",
            Headers = headers,
            Body = html,
        }));
        await Page.GotoAsync(url, new() { Referer = referer });
        if (waitForTag) await Page.WaitForFunctionAsync("() => !!window.clicktrace?.identify", null, new() { PollingInterval = 20 });
        return Page;
    }

    /// <summary>
    /// Waits until the browser has delivered intersection changes for <paramref name="selector"/>: a fresh
    /// observer's first callback comes in the same rendering step as those of the observers created before it,
    /// such as the tag's. (Intersections follow real rendering frames, not the page's fake clock.)
    /// </summary>
    public Task IntersectionsDeliveredAsync(string selector) => Page.EvaluateAsync(
        "s => new Promise(done => new IntersectionObserver((_, o) => { o.disconnect(); done(); }).observe(document.querySelector(s)))", selector);

    /// <summary>Advances the page's clock, firing the tag's timers that fall due.</summary>
    public Task RunForAsync(int milliseconds) => Page.Clock.RunForAsync(milliseconds);

    /// <summary>Scrolls and waits for the scroll event (which the tag, listening on the capture phase, has by then).</summary>
    public Task ScrollAsync(int y) => Page.EvaluateAsync(
        "y => new Promise(done => { addEventListener('scroll', () => done(), { once: true }); scrollTo(0, y) })", y);

    /// <summary>
    /// Fires pagehide, as when the visitor leaves: the tag ends the page view and flushes with sendBeacon.
    /// The page stays alive, so headless Chromium cannot cancel the beacon by tearing the renderer down.
    /// </summary>
    public Task LeaveAsync() => Page.EvaluateAsync("() => dispatchEvent(new PageTransitionEvent('pagehide'))");

    /// <summary>The stored events of the site, oldest first, once <paramref name="done"/> holds for them.</summary>
    public async Task<IReadOnlyList<StoredEvent>> EventsAsync(Func<IReadOnlyList<StoredEvent>, bool> done, string what)
    {
        try
        {
            return await App.EventuallyAsync(ReadEventsAsync, done, what);
        }
        catch (TimeoutException timeout)
        {
            var stored = await ReadEventsAsync();
            throw new TimeoutException(timeout.Message +
                "\nStored events:\n" + string.Join('\n', stored.Select(e => $"{e.Type} {e.Selector} {e.Name}")) +
                "\nSent by the tag:\n" + string.Join('\n', Payloads) +
                "\nPage errors:\n" + string.Join('\n', _errors), timeout);
        }
    }

    /// <summary>The stored events of <paramref name="type"/>, once there are at least <paramref name="count"/>.</summary>
    public async Task<IReadOnlyList<StoredEvent>> EventsAsync(string type, int count) =>
        (await EventsAsync(all => all.Count(e => e.Type == type) >= count, $"{count} {type} events")).Where(e => e.Type == type).ToList();

    private async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync()
    {
        var store = App.Services.GetRequiredService<IClickHouse>();
        var result = await store.QueryAsync($"SELECT {StoredEvent.Columns} FROM events WHERE site_id = {{site:String}} ORDER BY timestamp, event_id",
            new QueryParameters().Add("site", Site));
        return result.Rows.Select(StoredEvent.From).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is not null) await _context.CloseAsync();
        App.Dispose();
    }
}
