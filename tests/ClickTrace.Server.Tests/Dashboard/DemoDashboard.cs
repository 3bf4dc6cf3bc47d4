using ClickTrace.Server.Demo;
using ClickTrace.Server.Tests.EndToEnd;
using ClickTrace.Server.Tests.Hosting;
using ClickTrace.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ClickTrace.Server.Tests.Dashboard;

/// <summary>
/// One app whose demo site holds generated demo-shop traffic (its planted problems included), and Chromium,
/// shared by the report pages' browser tests. Screenshots go to TestResults/screenshots, which ./test.sh lists.
/// </summary>
public sealed class DemoDashboard : IAsyncLifetime
{
    public const string Query = "site=demo&period=30d";

    private readonly Chromium _chromium = new();

    public ClickTraceApp App { get; private set; } = default!;

    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        await _chromium.InitializeAsync();
        // On two cores the report queries of these pages share the machine with the other test classes' work.
        Assertions.SetDefaultExpectTimeout(20_000);
        App = new ClickTraceApp(TestEngine.UniqueDatabaseName("dash"), new Dictionary<string, string>
        {
            ["ClickTrace:Demo:Traffic"] = "true", ["ClickTrace:Demo:Visitors"] = "600",
        });
        await App.Services.GetRequiredService<DemoTraffic>().Loaded.WaitAsync(TimeSpan.FromMinutes(2));
        Directory.CreateDirectory(Screenshots);
    }

    /// <summary>A signed-in page at the given width (1280: a laptop, 390: a phone).</summary>
    public async Task<IPage> PageAsync(int width)
    {
        var context = await App.SignedInContextAsync(_chromium.Browser, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return page;
    }

    /// <summary>Saves a full-page screenshot as TestResults/screenshots/{name}-{width}.png.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{name}-{page.ViewportSize!.Width}.png"), FullPage = true });

    public async Task DisposeAsync()
    {
        App?.Dispose();
        await _chromium.DisposeAsync();
    }
}
