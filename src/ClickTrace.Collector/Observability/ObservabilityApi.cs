using ClickTrace.Collector.Log;
using ClickTrace.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ClickTrace.Collector.Observability;

/// <summary>/metrics (Prometheus text), /health (the process is up) and /ready (store reachable, and for a collector its log below its cap).</summary>
public static class ObservabilityApi
{
    public const string ReadyTag = "ready";

    /// <summary>The metrics exporter and the store's readiness check, which every role has.</summary>
    public static IServiceCollection AddObservability(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(PrometheusExporter))) return services;   // added already
        services.AddSingleton<PrometheusExporter>();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [ReadyTag]);
        return services;
    }

    /// <summary>The write-ahead log's readiness check: a collector near its disk cap should get no more traffic.</summary>
    internal static IServiceCollection AddLogReadiness(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<LogHealthCheck>("log", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapObservability(this IEndpointRouteBuilder app)
    {
        // Start listening at once, so that counts include the first requests.
        app.ServiceProvider.GetRequiredService<PrometheusExporter>();
        app.MapGet("/metrics", (PrometheusExporter exporter) => Results.Text(exporter.Render(), "text/plain; version=0.0.4; charset=utf-8"))
            .WithTags("Operations").ExcludeFromDescription();
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }

    private sealed class StoreHealthCheck(IClickHouse store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            try
            {
                await store.QueryAsync("SELECT 1", cancellationToken: timeout.Token).ConfigureAwait(false);
                return HealthCheckResult.Healthy();
            }
            catch (Exception error) when (error is ClickHouseException or OperationCanceledException or HttpRequestException or IOException)
            {
                return HealthCheckResult.Unhealthy("ClickHouse is not answering.", error);
            }
        }
    }

    private sealed class LogHealthCheck(WriteAheadLog log, IOptions<LogOptions> options) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(
                log.Failure is { } failure ? HealthCheckResult.Unhealthy("The event log's writer stopped; restart the collector.", failure)
                : log.DiskBytes < options.Value.MaxBytes * 0.9 ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"The event log holds {log.DiskBytes} bytes, near its cap of {options.Value.MaxBytes}."));
    }
}
