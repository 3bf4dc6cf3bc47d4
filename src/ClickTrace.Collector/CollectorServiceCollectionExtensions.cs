using ClickTrace.Collector.Ingestion;
using ClickTrace.Collector.Queue;
using ClickTrace.Collector.Shipping;
using ClickTrace.Collector.Sites;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClickTrace.Collector;

public static class CollectorServiceCollectionExtensions
{
    /// <summary>The ingestion pipeline, the queue, the shipper and the CORS policy of the collect endpoint.</summary>
    public static IServiceCollection AddCollector(this IServiceCollection services)
    {
        services.AddOptions<CollectorOptions>().BindConfiguration(CollectorOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<CollectorMetrics>();
        services.AddSingleton<IngestPipeline>();
        services.AddSingleton<SiteRegistry>();
        services.AddSingleton<EventQueue>();
        services.AddSingleton<IIngestSink>(sp => sp.GetRequiredService<EventQueue>());
        services.AddHostedService<EventShipper>();
        // Any page may post to the collector; the site's own allow-list is checked per batch.
        services.AddCors(cors => cors.AddPolicy(CollectApi.CorsPolicy, policy => policy
            .AllowAnyOrigin().WithMethods("POST").WithHeaders("Content-Type", "Content-Encoding")));
        return services;
    }
}
