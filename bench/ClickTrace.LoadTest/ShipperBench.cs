using System.Buffers;
using System.Diagnostics;
using ClickTrace.Collector;
using ClickTrace.Collector.Ingestion;
using ClickTrace.Collector.Log;
using ClickTrace.Collector.Shipping;
using ClickTrace.Core.Events;
using ClickTrace.Storage;
using ClickTrace.Storage.Embedded;
using ClickTrace.Storage.Events;
using ClickTrace.Storage.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClickTrace.LoadTest;

/// <summary>
/// Events per second into the embedded engine: the shipper (read the log, decode, encode RowBinary,
/// insert with a deduplication token, checkpoint) against the engine's raw insert of the same rows
/// already encoded as RowBinary, in batches of the same size.
/// </summary>
internal static class ShipperBench
{
    public sealed record Result(double ShipEps, double RawInsertEps, int Events);

    public static async Task<Result> RunAsync(string folder, int events, int batchSize)
    {
        using var raw = new EmbeddedClickHouse(folder, "raw");
        using var shipped = new EmbeddedClickHouse(folder, "shipped");
        foreach (var store in new[] { raw, shipped })
            await new Migrator(store, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(Migrations.All(new StorageOptions()));
        var rows = Make(events);

        var encoded = rows.Chunk(batchSize).Select(chunk =>
        {
            var buffer = new ArrayBufferWriter<byte>();
            EventRows.Write(buffer, chunk);
            return buffer.WrittenMemory;
        }).ToList();
        var clock = Stopwatch.StartNew();
        foreach (var batch in encoded) await raw.InsertRowBinaryAsync(EventRows.Table, EventRows.Columns, batch);
        var rawEps = events / clock.Elapsed.TotalSeconds;

        var logFolder = Path.Combine(folder, "log");
        await using var log = WriteAheadLog.Open(logFolder, new LogOptions(), NullLogger.Instance);
        foreach (var record in rows.Chunk(20)) await log.AppendAsync(EventBatchCodec.Encode(record));
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var options = Options.Create(new CollectorOptions { ShipBatchSize = batchSize, ShipInterval = TimeSpan.FromMilliseconds(50) });
        var shipper = new LogShipper(log, new ClickHouseEventWriter(shipped), options, TimeProvider.System,
            new CollectorMetrics(meters.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
            NullLogger<LogShipper>.Instance);
        clock.Restart();
        await shipper.StartAsync(default);
        while (shipper.Shipped < log.Durable) await Task.Delay(5);
        var shipEps = events / clock.Elapsed.TotalSeconds;
        await shipper.StopAsync(default);

        var count = (ulong)(await shipped.QueryAsync("SELECT count() FROM events")).Scalar()!;
        if (count != (ulong)events) throw new InvalidOperationException($"The shipper stored {count} of {events} events.");
        return new Result(shipEps, rawEps, events);
    }

    private static List<TrackedEvent> Make(int count)
    {
        var now = DateTimeOffset.UtcNow;
        var random = new Random(7);
        return Enumerable.Range(0, count).Select(i => new TrackedEvent
        {
            EventId = Guid.NewGuid(), SiteId = "demo", Type = i % 4 == 0 ? EventType.Pageview : EventType.Click,
            Timestamp = now.AddMilliseconds(i), ReceivedAt = now, SessionId = (ulong)random.Next(100_000), VisitorId = (ulong)random.Next(60_000),
            Url = $"https://shop.example/products/{random.Next(200)}", Path = $"/products/{random.Next(200)}", Referrer = "https://www.google.com/",
            Title = "Blue mug · Demo shop", Selector = "main > div.products > button[data-testid=\"add\"]", Tag = "button", Text = "Add to cart",
            X = random.Next(1280), Y = random.Next(4000), ViewportWidth = 1280, ViewportHeight = 800, Device = "desktop", Browser = "Chrome", Os = "Windows",
            ReferrerHost = "google.com", ReferrerClass = "search",
        }).ToList();
    }
}
