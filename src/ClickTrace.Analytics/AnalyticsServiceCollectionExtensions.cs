using ClickTrace.Analytics.Overview;
using Microsoft.Extensions.DependencyInjection;

namespace ClickTrace.Analytics;

public static class AnalyticsServiceCollectionExtensions
{
    /// <summary>The report services the HTTP API and the UI both call.</summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services)
    {
        services.AddSingleton<OverviewService>();
        services.AddSingleton<Funnels.FunnelService>();
        services.AddSingleton<Links.LinksService>();
        services.AddSingleton<Abandonment.AbandonmentService>();
        services.AddSingleton<Ads.AdsService>();
        services.AddSingleton<Sessions.SessionsService>();
        services.AddSingleton<Paths.PathsService>();
        services.AddSingleton<Pages.PageService>();
        services.AddSingleton<Funnels.SavedFunnelStore>();
        return services;
    }
}
