using System.Runtime.CompilerServices;
using ClickTrace.Collector.Ingestion;
using ClickTrace.Collector.Log;
using ClickTrace.Core.Threading;
using ClickTrace.Storage.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClickTrace.Collector.Shipping;

/// <summary>
/// Tails the write-ahead log into ClickHouse, enriching each logged request's events on the way
/// (<see cref="BatchEnricher"/>). A batch is shipped when it holds
/// <see cref="CollectorOptions.ShipBatchSize"/> events, when its oldest record has waited
/// <see cref="CollectorOptions.ShipInterval"/>, and at shutdown. Each insert carries a deduplication
/// token derived from its log range, and the range is recorded before the insert, so a crash at any
/// moment leads to the same insert being repeated, which ClickHouse keeps once. A failed insert is
/// retried with backoff while the log keeps accepting, up to its disk cap. Reading and enriching the log,
/// and encoding each insert, run on a thread of its own at <see cref="CollectorOptions.ShipNice"/>, never on the pool the requests
/// need: a batch of 10,000 events takes tens of milliseconds to decode.
/// </summary>
public sealed partial class LogShipper(
    WriteAheadLog log, BatchEnricher enricher, IEventWriter writer, IOptions<CollectorOptions> options, TimeProvider time,
    CollectorMetrics metrics, ILogger<LogShipper> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    // The batch being gathered, as RowBinary rows: bytes wait for the insert, not event objects (see EventRowBatch).
    private readonly EventRowBatch _buffer = new();
    private DateTimeOffset _firstReceived, _lastReceived;
    private readonly LogReader _reader = new(log.Folder);
    private ShipCheckpoint _checkpoint = new(log.First, null);
    private LogPosition _read;
    private DateTimeOffset _oldest;
    private StrongBox<DateTimeOffset>? _oldestUnshipped;
    private int _drained;
    private readonly RecentEventIds _recent = new(options.Value.RecentIdsWindow, options.Value.MaxRecentIds);
    private readonly HashSet<Guid> _buffered = [];
    private readonly LowPriorityThreads _cpu = new("ClickTrace shipper", 1, options.Value.ShipNice, options.Value.ShipIdle);

    /// <summary>The first position not yet stored in ClickHouse.</summary>
    public LogPosition Shipped => _checkpoint.Shipped;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        metrics.ObserveLog(
            () => log.DiskBytes,
            () => Math.Max(0, log.DiskBytes - Volatile.Read(ref _checkpoint).Shipped.Offset),
            () => Volatile.Read(ref _oldestUnshipped) is { } oldest ? (time.GetUtcNow() - oldest.Value).TotalSeconds : 0);
        _checkpoint = ShipCheckpoint.Load(log.Folder) ?? new ShipCheckpoint(log.First, null);
        _read = _checkpoint.Shipped;
        if (_checkpoint.Inflight is var (from, to))
        {
            // The previous run may or may not have stored this range: ship it again, identically.
            await FillAsync(from, to, long.MaxValue, cancellationToken).ConfigureAwait(false);
            await ShipAsync(from, to, cancellationToken).ConfigureAwait(false);
            _read = to;
        }
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await DrainAsync().ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        // A stop that comes before ExecuteAsync ever ran (it runs on the thread pool) must still drain.
        await DrainAsync().ConfigureAwait(false);
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (true)
        {
            if (_buffer.Count < settings.ShipBatchSize) _read = await FillAsync(_read, log.Durable, BatchBytes(settings), stoppingToken).ConfigureAwait(false);
            var due = _oldest + settings.ShipInterval - time.GetUtcNow();
            if (_buffer.Count >= settings.ShipBatchSize || (_buffer.Count > 0 && due <= TimeSpan.Zero))
            {
                await ShipAsync(_checkpoint.Shipped, _read, stoppingToken).ConfigureAwait(false);
                continue;
            }
            if (_buffer.Count == 0)
            {
                await log.WaitBeyondAsync(_read, stoppingToken).ConfigureAwait(false);
                continue;
            }
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            await Task.WhenAny(Task.Delay(due, time, wait.Token), log.WaitBeyondAsync(_read, wait.Token)).ConfigureAwait(false);
            await wait.CancelAsync().ConfigureAwait(false);
            stoppingToken.ThrowIfCancellationRequested();
        }
    }

    // Records are about 250 bytes per event; reading a little past the batch size is harmless.
    private static long BatchBytes(CollectorOptions settings) => Math.Max(64 * 1024, settings.ShipBatchSize * 250L);

    private Task<LogPosition> FillAsync(LogPosition from, LogPosition end, long maxBytes, CancellationToken cancellationToken) =>
        from >= end ? Task.FromResult(from) : _cpu.Run(() => Fill(from, end, maxBytes), cancellationToken);

    /// <summary>Decodes the records of [<paramref name="from"/>, <paramref name="end"/>) into the buffer; returns where it stopped.</summary>
    private LogPosition Fill(LogPosition from, LogPosition end, long maxBytes)
    {
        if (from >= end) return from;
        var records = new List<byte[]>();
        var next = _reader.Read(from, end, records, maxBytes);
        if (records.Count > 0 && _buffer.Count == 0) _oldest = time.GetUtcNow();
        var empty = _buffer.Count == 0;
        foreach (var record in records)
        {
            try
            {
                foreach (var e in enricher.Enrich(BatchRecord.Read(record)))
                {
                    // A client's second copy of a batch: stored a moment ago, or already waiting in this one.
                    if (_recent.Contains(e.EventId) || !_buffered.Add(e.EventId)) metrics.Dropped(DropReason.DuplicateRecent);
                    else
                    {
                        if (_buffer.Count == 0) _firstReceived = e.ReceivedAt;
                        _lastReceived = e.ReceivedAt;
                        _buffer.Add(e);
                    }
                }
            }
            catch (Exception error) when (error is FormatException or MessagePack.MessagePackSerializationException or EndOfStreamException or ArgumentException or OverflowException or BatchError)
            {
                metrics.Dropped(DropReason.UnreadableLogRecord);
                LogUnreadableRecord(error);
            }
        }
        if (empty && _buffer.Count > 0) Volatile.Write(ref _oldestUnshipped, new StrongBox<DateTimeOffset>(_firstReceived));
        else if (_buffer.Count == 0 && next >= end) Volatile.Write(ref _oldestUnshipped, null);
        return next;
    }

    /// <summary>Ships the buffer (the records of [from, to)), retrying until stored or cancelled, then moves the checkpoint.</summary>
    private async Task ShipAsync(LogPosition from, LogPosition to, CancellationToken cancellationToken)
    {
        if (_buffer.Count > 0)
        {
            new ShipCheckpoint(from, (from, to)).Save(log.Folder);
            var token = ShipCheckpoint.TokenOf(from, to);
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    // Started on the shipper's thread like the reading and encoding (Fill): the insert's own start-up
                    // work before its first await stays off the pool threads the requests need.
                    await (await _cpu.Run(() => writer.WriteRowsAsync(_buffer, token, CancellationToken.None), CancellationToken.None).ConfigureAwait(false)).ConfigureAwait(false);
                    metrics.Shipped(_buffer.Count);
                    break;
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    metrics.ShipFailed();
                    var backoff = Backoff(attempt);
                    LogShipFailed(error, _buffer.Count, backoff);
                    await Task.Delay(backoff, time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        var done = new ShipCheckpoint(to, null);
        done.Save(log.Folder);
        Volatile.Write(ref _checkpoint, done);
        _recent.Add(_buffered, time.GetUtcNow());
        // With a backlog still unread, the next record is no older than the last one just stored: its time
        // stands in for the oldest unshipped one until the next read finds the real one.
        var backlog = to < log.Durable && _buffer.Count > 0 ? new StrongBox<DateTimeOffset>(_lastReceived) : null;
        _buffer.Clear();
        _buffered.Clear();
        Volatile.Write(ref _oldestUnshipped, backlog);
        log.ReleaseBefore(to);
    }

    public override void Dispose()
    {
        _cpu.Dispose();
        _buffer.Dispose();
        base.Dispose();
    }

    public static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(attempt, 16))));

    /// <summary>Shutdown: ship what is durable, within the configured time. What is left stays in the log for the next start.</summary>
    private async Task DrainAsync()
    {
        if (Interlocked.Exchange(ref _drained, 1) == 1) return;
        using var timeout = new CancellationTokenSource(options.Value.ShutdownFlushTimeout, time);
        try
        {
            while (true)
            {
                // A large backlog must not hold the shutdown past its budget: what is left ships at the next start.
                timeout.Token.ThrowIfCancellationRequested();
                _read = await FillAsync(_read, log.Durable, BatchBytes(options.Value), timeout.Token).ConfigureAwait(false);
                if (_buffer.Count == 0 && _read >= log.Durable) break;
                await ShipAsync(_checkpoint.Shipped, _read, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            LogShutdownLeftInLog();
        }
        finally
        {
            _cpu.Stop(options.Value.ShutdownFlushTimeout);
            _reader.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing {Count} events failed; retrying in {Backoff}")]
    private partial void LogShipFailed(Exception error, int count, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Error, Message = "A log record could not be decoded and was skipped")]
    private partial void LogUnreadableRecord(Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutdown left unshipped events in the log; they are shipped at the next start")]
    private partial void LogShutdownLeftInLog();
}
