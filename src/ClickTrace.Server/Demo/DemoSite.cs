using ClickTrace.Collector.Sites;
using ClickTrace.Core.Sites;
using ClickTrace.DemoShop;
using ClickTrace.Storage.Sites;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace ClickTrace.Server.Demo;

/// <summary>
/// Creates the demo site (once), serves the demo page at /demo/ and the demo shop (samples/DemoShop) at
/// /shop/, both with the tag installed, and fills the site with generated shop traffic on a first start.
/// </summary>
public static class DemoSite
{
    /// <summary>Adds the demo; <c>--demo</c> among <paramref name="args"/> loads the generated traffic even into a store that has events.</summary>
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder, string[] args)
    {
        if (args.Contains("--demo", StringComparer.Ordinal))
            builder.Configuration.AddInMemoryCollection([new($"{DemoOptions.Section}:{nameof(DemoOptions.Load)}", "true")]);
        var services = builder.Services;
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<DemoSiteSeeder>();
        services.AddSingleton<DemoTraffic>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoTraffic>());
        return builder;
    }

    public static WebApplication MapDemo(this WebApplication app)
    {
        var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (!demo.Enabled) return app;
        // The shop's tag comes from this host (an empty ClickTrace URL) and reports to the demo site.
        var shop = new ShopOptions { ClickTraceUrl = "", SiteKey = demo.SiteId };
        app.MapDemoShop(() => shop);
        var folder = Path.Combine(AppContext.BaseDirectory, "demo");
        if (Directory.Exists(folder))
        {
            var files = new PhysicalFileProvider(folder);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = "/demo" });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files, RequestPath = "/demo" });
        }
        return app;
    }

    private sealed class DemoSiteSeeder(ISiteStore sites, SiteRegistry registry, IOptions<DemoOptions> options) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            var demo = options.Value;
            if (!demo.Enabled || await sites.FindAsync(demo.SiteId, cancellationToken) is not null) return;
            await sites.SaveAsync(new Site { Id = demo.SiteId, Name = "Demo shop", TimeZone = "UTC" }, cancellationToken);
            registry.Invalidate();
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
