using ClickTrace.Collector.Sites;
using ClickTrace.Core.Sites;
using ClickTrace.Storage.Sites;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace ClickTrace.Server.Demo;

/// <summary>Creates the demo site (once) and serves the demo page, which has the tag installed, at /demo/.</summary>
public static class DemoSite
{
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<DemoSiteSeeder>();
        return services;
    }

    public static WebApplication MapDemo(this WebApplication app)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "demo");
        if (app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled && Directory.Exists(folder))
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
            await sites.SaveAsync(new Site { Id = demo.SiteId, Name = "Demo page", TimeZone = "UTC" }, cancellationToken);
            registry.Invalidate();
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
