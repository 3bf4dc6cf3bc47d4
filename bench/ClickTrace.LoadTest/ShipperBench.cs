using System.Buffers;
using System.Diagnostics;
using ClickTrace.Collector;
using ClickTrace.Collector.Ingestion;
using ClickTrace.Collector.Log;
using ClickTrace.Collector.Shipping;
using ClickTrace.Collector.Enrichment;
using ClickTrace.Storage;
using ClickTrace.Storage.Embedded;
using ClickTrace.Storage.Events;
using ClickTrace.Storage.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClickTrace.LoadTest;

/// <summary>
/// Events per second into the embedded engine: the shipper (read the log, decode and enrich, encode RowBinary,
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
        // The log holds requests as the collector logs them (JSON bodies of 20 events); the raw insert gets
        // the very rows the shipper will make of them, already encoded.
        var enricher = new BatchEnricher(Options.Create(new CollectorOptions()), new UserAgentClassifier(), new ReferrerClassifier());
        var records = Bodies.Make(events / 20, seed: 7).Select(body => new BatchRecord(
            DateTimeOffset.UtcNow, WireEncoding.Json, 1, 1, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0.0.0", System.Text.Encoding.UTF8.GetBytes(body))).ToList();
        var rows = records.SelectMany(enricher.Enrich).ToList();

        var encoded = rows.Chunk(batchSize).Select(chunk =>
        {
            var buffer = new ArrayBufferWriter<byte>();
            EventRows.Write(buffer, chunk);
            return buffer.WrittenMemory;
        }).ToList();
        var clock = Stopwatch.StartNew();
        foreach (var batch in encoded) await raw.InsertRowBinaryAsync(EventRows.Table, EventRows.Columns, batch);
        var rawEps = rows.Count / clock.Elapsed.TotalSeconds;

        var logFolder = Path.Combine(folder, "log");
        await using var log = WriteAheadLog.Open(logFolder, new LogOptions(), NullLogger.Instance);
        foreach (var record in records) await log.AppendAsync(record.Encode());
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var options = Options.Create(new CollectorOptions { ShipBatchSize = batchSize, ShipInterval = TimeSpan.FromMilliseconds(50) });
        var shipper = new LogShipper(log, enricher, new ClickHouseEventWriter(shipped), options, TimeProvider.System,
            new CollectorMetrics(meters.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
            NullLogger<LogShipper>.Instance);
        clock.Restart();
        await shipper.StartAsync(default);
        while (shipper.Shipped < log.Durable) await Task.Delay(5);
        var shipEps = rows.Count / clock.Elapsed.TotalSeconds;
        await shipper.StopAsync(default);

        var count = (ulong)(await shipped.QueryAsync("SELECT count() FROM events")).Scalar()!;
        if (count != (ulong)rows.Count) throw new InvalidOperationException($"The shipper stored {count} of {rows.Count} events.");
        return new Result(shipEps, rawEps, rows.Count);
    }
}
