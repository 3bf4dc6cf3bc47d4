using System.Diagnostics.Metrics;

namespace ClickTrace.Collector.Ingestion;

/// <summary>The collector's counters (meter "ClickTrace.Collector"): accepted, dropped per reason, refused, shipped.</summary>
public sealed class CollectorMetrics : IDisposable
{
    public const string MeterName = "ClickTrace.Collector";

    private readonly Meter _meter;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _shipped;
    private readonly Counter<long> _shipFailures;
    private readonly Histogram<long> _batchSize;
    private readonly Histogram<double> _syncDuration;
    private readonly Histogram<long> _groupSize;

    public CollectorMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _accepted = _meter.CreateCounter<long>("clicktrace.collector.events.accepted", "{event}", "Events accepted into the queue.");
        _dropped = _meter.CreateCounter<long>("clicktrace.collector.events.dropped", "{event}", "Events dropped, tagged with the reason.");
        _refused = _meter.CreateCounter<long>("clicktrace.collector.batches.refused", "{batch}", "Batches refused, tagged with the HTTP status.");
        _shipped = _meter.CreateCounter<long>("clicktrace.collector.events.shipped", "{event}", "Events written to ClickHouse.");
        _shipFailures = _meter.CreateCounter<long>("clicktrace.collector.ship.failures", "{insert}", "Inserts that failed and will be retried.");
        _batchSize = _meter.CreateHistogram<long>("clicktrace.collector.ship.batch_size", "{event}", "Events per insert into ClickHouse.");
        _syncDuration = _meter.CreateHistogram<double>("clicktrace.collector.log.sync_duration", "s", "Time to write and fsync one group of log records.");
        _groupSize = _meter.CreateHistogram<long>("clicktrace.collector.log.group_size", "{record}", "Records made durable by one fsync (group commit).");
    }

    /// <summary>Publishes the log's state as gauges: bytes on disk, bytes not yet shipped, age of the oldest unshipped event.</summary>
    public void ObserveLog(Func<long> diskBytes, Func<long> unshippedBytes, Func<double> oldestAgeSeconds)
    {
        _meter.CreateObservableGauge("clicktrace.collector.log.bytes", diskBytes, "By", "Bytes of the write-ahead log on disk.");
        _meter.CreateObservableGauge("clicktrace.collector.log.unshipped_bytes", unshippedBytes, "By", "Bytes of the log not yet stored in ClickHouse (the ship lag).");
        _meter.CreateObservableGauge("clicktrace.collector.log.age_seconds", oldestAgeSeconds, "s", "Age of the oldest event not yet stored in ClickHouse.");
    }

    public void Accepted(int count) => _accepted.Add(count);
    public void Dropped(DropReason reason) => _dropped.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));
    public void Refused(int status) => _refused.Add(1, new KeyValuePair<string, object?>("status", status));
    public void Shipped(int count)
    {
        _shipped.Add(count);
        _batchSize.Record(count);
    }
    public void ShipFailed() => _shipFailures.Add(1);

    public void LogSynced(TimeSpan duration, int records)
    {
        _syncDuration.Record(duration.TotalSeconds);
        _groupSize.Record(records);
    }

    public void Dispose() => _meter.Dispose();
}
