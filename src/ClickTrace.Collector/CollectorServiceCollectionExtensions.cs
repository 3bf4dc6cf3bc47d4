using ClickTrace.Collector.Enrichment;
using ClickTrace.Collector.Ingestion;
using ClickTrace.Collector.Limits;
using ClickTrace.Collector.Log;
using ClickTrace.Collector.Observability;
using ClickTrace.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ClickTrace.Collector.Shipping;
using ClickTrace.Collector.Sites;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClickTrace.Collector;

public static class CollectorServiceCollectionExtensions
{
    /// <summary>The request half of ingestion, the write-ahead log, the shipper with its enrichment, and the CORS policy of the collect endpoint.</summary>
    public static IServiceCollection AddCollector(this IServiceCollection services)
    {
        services.AddOptions<CollectorOptions>().BindConfiguration(CollectorOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<CollectorMetrics>();
        services.AddSingleton<IngestPipeline>();
        services.AddSingleton<BatchEnricher>();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CollectRateLimits>();
        CollectRateLimits.AddClientPolicy(services);
        services.AddSingleton<UserAgentClassifier>();
        services.AddSingleton<ReferrerClassifier>();
        services.AddSingleton<VisitorIds>();
        services.AddSingleton<CountryLookup>();
        services.AddSiteRegistry();
        services.AddOptions<LogOptions>().BindConfiguration(LogOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var options = sp.GetRequiredService<IOptions<LogOptions>>().Value;
            var folder = options.Path ?? Path.Combine(storage.DataPath, "log", storage.Database);
            var metrics = sp.GetRequiredService<CollectorMetrics>();
            return WriteAheadLog.Open(folder, options, sp.GetRequiredService<ILogger<WriteAheadLog>>(), metrics.LogSynced);
        });
        services.AddSingleton<IIngestSink, LogSink>();
        services.AddSingleton<LogShipper>();
        services.AddHostedService(sp => sp.GetRequiredService<LogShipper>());
        services.AddObservability().AddLogReadiness();
        // Any page may post to the collector; the site's own allow-list is checked per batch.
        services.AddCors(cors => cors.AddPolicy(CollectApi.CorsPolicy, policy => policy
            .AllowAnyOrigin().WithMethods("POST").WithHeaders("Content-Type", "Content-Encoding")));
        return services;
    }

    /// <summary>The cached view of the known sites (the sites API refreshes it after a change, in any role).</summary>
    public static IServiceCollection AddSiteRegistry(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SiteRegistry>();
        return services;
    }
}
