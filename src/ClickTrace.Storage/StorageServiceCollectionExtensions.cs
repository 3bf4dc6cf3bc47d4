using ClickTrace.Storage.Embedded;
using ClickTrace.Storage.Events;
using ClickTrace.Storage.Retention;
using ClickTrace.Storage.Schema;
using ClickTrace.Storage.Salts;
using ClickTrace.Storage.Server;
using ClickTrace.Storage.Sites;
using ClickTrace.Storage.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ClickTrace.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The store (the embedded engine, or a ClickHouse server in Server mode), schema migrations at start-up,
    /// retention (the tables' TTL, each site's own), the event writer and the site store.
    /// </summary>
    public static IServiceCollection AddClickTraceStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IClickHouse>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.Mode == StorageMode.Server
                ? new ServerClickHouse(options.Server, options.Database, options.Cluster, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ServerClickHouse>>())
                : new EmbeddedClickHouse(options.DataPath, options.Database, options.MaxConnections, options.EngineNice, options.EngineIdle);
        });
        services.AddSingleton<Migrator>();
        services.AddHostedService<SchemaMigrationService>();
        services.AddSingleton<EventRetention>();
        services.AddHostedService<RetentionService>(); // after the migrations: hosted services start in order
        services.AddSingleton<IEventWriter, ClickHouseEventWriter>();
        services.AddSingleton<ISiteStore, ClickHouseSiteStore>();
        services.AddSingleton<ISaltStore, ClickHouseSaltStore>();
        services.AddSingleton<ClickHouseUserStore>();
        services.AddSingleton<ClickHouseApiKeyStore>();
        return services;
    }
}
