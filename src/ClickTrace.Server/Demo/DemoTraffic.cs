using ClickTrace.Core.Events;
using ClickTrace.Storage;
using ClickTrace.Storage.Events;
using ClickTrace.Traffic.DemoShop;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ClickTrace.Server.Demo;

/// <summary>
/// Fills the demo site with generated demo-shop traffic (the planted problems included) when the store has
/// no events yet, or when <see cref="DemoOptions.Load"/> asks, so a fresh install has a dashboard to look at
/// within a minute. The events are written straight to the store with the times they were generated for
/// (days back, which the collector's clock-skew rule would replace), in batches with deduplication tokens.
/// Their addresses are this server's own (where it mounts the shop at /shop/), so the page microscope can show
/// the live page behind its click map.
/// </summary>
public sealed partial class DemoTraffic(
    IClickHouse store, IEventWriter writer, IOptions<DemoOptions> options, TimeProvider time, IServer server, IHostApplicationLifetime lifetime,
    ILogger<DemoTraffic> logger) : BackgroundService
{
    private const int ChunkEvents = 20_000;

    /// <summary>The events loaded (0 when nothing was to be loaded), once the load finished.</summary>
    public Task<int> Loaded => _loaded.Task;

    private readonly TaskCompletionSource<int> _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var demo = options.Value;
        try
        {
            if (!demo.Enabled || !demo.Traffic || (!demo.Load && await HasEventsAsync(stoppingToken)))
            {
                _loaded.TrySetResult(0);
                return;
            }
            var now = time.GetUtcNow();
            // A load asked for on a store that has data brings new visitors, not the first load's again.
            var seed = demo.Load ? demo.Seed ^ (int)now.ToUnixTimeSeconds() : demo.Seed;
            var traffic = new DemoShopTrafficOptions { Visitors = demo.Visitors, Seed = seed };
            LogLoading(demo.Visitors, demo.SiteId, demo.Days);
            var chunk = new List<TrackedEvent>(ChunkEvents + 200);
            var number = 0;
            var total = 0;
            var origin = await OwnOriginAsync(stoppingToken);
            foreach (var visit in DemoShopTraffic.Generate(traffic, demo.SiteId, origin, now.AddDays(-demo.Days), now.AddMinutes(-30)))
            {
                chunk.AddRange(visit.Events);
                if (chunk.Count < ChunkEvents) continue;
                total += await WriteAsync(chunk, now, number++, stoppingToken);
            }
            if (chunk.Count > 0) total += await WriteAsync(chunk, now, number, stoppingToken);
            LogLoaded(total, demo.SiteId);
            _loaded.TrySetResult(total);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _loaded.TrySetCanceled(stoppingToken);
        }
        catch (Exception error) when (error is ClickHouseException or IOException or HttpRequestException)
        {
            // The demo is a convenience: a store that refuses it must not stop the app.
            LogFailed(error);
            _loaded.TrySetException(error);
        }
    }

    /// <summary>The first address the server listens on once it started (a wildcard host read as localhost); the default run address without one.</summary>
    private async Task<string> OwnOriginAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (cancellationToken.Register(() => started.TrySetCanceled(cancellationToken)))
            await started.Task;
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(address.Replace("://+", "://localhost").Replace("://*", "://localhost"), UriKind.Absolute, out var uri)) return "http://localhost:5080";
        var host = uri.Host is "0.0.0.0" or "[::]" ? "localhost" : uri.Host; // an IPv6 host keeps its brackets
        return $"{uri.Scheme}://{host}:{uri.Port}";
    }

    private async Task<bool> HasEventsAsync(CancellationToken cancellationToken) =>
        (await store.QueryAsync($"SELECT 1 FROM {EventRows.Table} LIMIT 1", cancellationToken: cancellationToken)).Rows.Count > 0;

    private async Task<int> WriteAsync(List<TrackedEvent> chunk, DateTimeOffset load, int number, CancellationToken cancellationToken)
    {
        // Tokens name this load and chunk: a retried chunk is kept once, a later --demo load is a load of its own.
        await writer.WriteAsync(chunk, $"demo-{load.ToUnixTimeMilliseconds()}-{number}", cancellationToken);
        var count = chunk.Count;
        chunk.Clear();
        return count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loading demo traffic: {Visitors} visitors of the demo shop into site '{SiteId}', over the last {Days} days")]
    private partial void LogLoading(int visitors, string siteId, int days);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo traffic loaded: {Events} events in site '{SiteId}'")]
    private partial void LogLoaded(int events, string siteId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo traffic could not be loaded")]
    private partial void LogFailed(Exception error);
}
