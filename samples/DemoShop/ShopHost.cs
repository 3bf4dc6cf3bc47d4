using Microsoft.Extensions.Options;

namespace ClickTrace.DemoShop;

/// <summary>The shop as a web app of its own (the sample's Program, and tests that start it on a loopback port).</summary>
public static class ShopHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (builder.Configuration["urls"] is null && builder.Configuration["ASPNETCORE_URLS"] is null) builder.WebHost.UseUrls("http://localhost:5090");
        builder.Services.AddOptions<ShopOptions>().BindConfiguration("Shop").ValidateDataAnnotations().ValidateOnStart();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapGet("/", () => Results.Redirect(Traffic.DemoShop.DemoShopMap.Home));
        app.MapDemoShop(() => app.Services.GetRequiredService<IOptions<ShopOptions>>().Value);
        return app;
    }
}
