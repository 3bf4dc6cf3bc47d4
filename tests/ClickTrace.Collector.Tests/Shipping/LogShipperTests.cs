using System.Diagnostics.Metrics;
using ClickTrace.Collector.Ingestion;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using System.Diagnostics;
using ClickTrace.Collector.Log;
using ClickTrace.Collector.Shipping;
using ClickTrace.Core.Events;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ClickTrace.Collector.Tests.Shipping;

public sealed class LogShipperTests : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(Build.Now);
    private readonly RecordingEventWriter _writer = new();
    private WriteAheadLog _log;

    public LogShipperTests() => _log = WriteAheadLog.Open(_folder.Path, new LogOptions(), NullLogger.Instance);

    public async ValueTask DisposeAsync()
    {
        await _log.DisposeAsync();
        _folder.Dispose();
    }

    private IMeterFactory? _meters;

    private async Task<LogShipper> StartAsync(int batchSize, TimeSpan interval, TimeSpan? shutdownFlush = null, int nice = 10)
    {
        var options = Options.Create(new CollectorOptions
        {
            ShipBatchSize = batchSize, ShipInterval = interval, ShutdownFlushTimeout = shutdownFlush ?? TimeSpan.FromSeconds(10), ShipNice = nice,
        });
        var shipper = new LogShipper(_log, Build.Enricher, _writer, options, _time, TestMetrics.Collector(out _meters), NullLogger<LogShipper>.Instance);
        await shipper.StartAsync(default);
        return shipper;
    }

    private Task AppendAsync(int events, ulong session = 0) => _log.AppendAsync(Build.Record(events, session).Encode()).AsTask();

    /// <summary>Advances fake time in small steps until the writer has a batch (bounded by 10 s of real time).</summary>
    private async Task<IReadOnlyList<TrackedEvent>> AdvanceUntilShippedAsync(TimeSpan step)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (_writer.TryTakeBatch(out var batch)) return batch!;
            _time.Advance(step);
            await Task.Yield();
        }
        throw new TimeoutException("Nothing was shipped.");
    }

    [Fact]
    public async Task A_full_batch_ships_without_waiting_for_the_timer()
    {
        var shipper = await StartAsync(batchSize: 3, interval: TimeSpan.FromHours(1));

        await AppendAsync(2);
        await AppendAsync(1);

        Assert.Equal(3, (await _writer.NextBatchAsync()).Count);
        await shipper.StopAsync(default);
        Assert.Equal(_log.Durable, shipper.Shipped);
    }

    [Fact]
    public async Task A_partial_batch_ships_once_its_oldest_record_waited_the_interval()
    {
        var shipper = await StartAsync(batchSize: 1000, interval: TimeSpan.FromSeconds(1));

        await AppendAsync(2);
        var shipped = await AdvanceUntilShippedAsync(TimeSpan.FromMilliseconds(100));

        // Never before the interval; how far past it depends on when the busy machine scheduled the shipper.
        Assert.Equal(2, shipped.Count);
        Assert.True(_time.GetUtcNow() - Build.Now >= TimeSpan.FromSeconds(1));
        await shipper.StopAsync(default);
    }

    [Fact]
    public async Task Shutdown_ships_what_is_in_the_log()
    {
        var shipper = await StartAsync(batchSize: 1000, interval: TimeSpan.FromHours(1));
        await AppendAsync(2);

        await shipper.StopAsync(default);

        Assert.True(_writer.TryTakeBatch(out var batch));
        Assert.Equal(2, batch!.Count);
        Assert.Equal(_log.Durable, ShipCheckpoint.Load(_folder.Path)!.Shipped);
    }

    [Fact]
    public async Task Shutdown_stops_at_the_flush_timeout_and_the_next_start_ships_the_rest_once()
    {
        for (var i = 0; i < 10; i++) await AppendAsync(200, session: (ulong)i); // about 30 KB each: 2 or 3 a batch
        _writer.FailuresLeft = int.MaxValue; // the store is down while running: the shipper waits in its backoff
        var shipper = await StartAsync(batchSize: 2, interval: TimeSpan.FromHours(1), shutdownFlush: TimeSpan.FromSeconds(10));
        await _writer.FirstAttempt.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _writer.FailuresLeft = 0;
        _writer.OnWrite = () => _time.Advance(TimeSpan.FromSeconds(4)); // and slow at shutdown: each insert takes 4 s

        await shipper.StopAsync(default);

        var first = Drain();
        Assert.Equal(3, first.Count); // shipped at 4, 8 and 12 s; the budget ran out during the third
        Assert.True(ShipCheckpoint.Load(_folder.Path)!.Shipped < _log.Durable);
        _writer.OnWrite = null;
        var restarted = await StartAsync(batchSize: 1000, interval: TimeSpan.FromHours(1));
        await restarted.StopAsync(default);
        var sessions = first.Concat(Drain()).SelectMany(b => b).Select(e => e.SessionId).ToList();
        Assert.Equal(Enumerable.Range(0, 10).SelectMany(i => Enumerable.Repeat((ulong)i, 200)), sessions);
    }

    [Fact]
    public async Task A_failed_insert_is_retried_with_the_same_token_and_nothing_is_lost()
    {
        _writer.FailuresLeft = 2;
        var shipper = await StartAsync(batchSize: 2, interval: TimeSpan.FromHours(1));

        await AppendAsync(2);
        var shipped = await AdvanceUntilShippedAsync(TimeSpan.FromMilliseconds(250));

        Assert.Equal(2, shipped.Count);
        await shipper.StopAsync(default);
        Assert.Equal(3, _writer.Attempts);
    }

    [Fact]
    public async Task After_a_crash_mid_insert_the_same_range_is_shipped_again_with_the_same_token()
    {
        await AppendAsync(2);
        var end = _log.Durable;
        // What a crash between "range recorded" and "checkpoint moved" leaves behind.
        new ShipCheckpoint(_log.First, (_log.First, end)).Save(_folder.Path);
        await AppendAsync(1, session: 3);

        var shipper = await StartAsync(batchSize: 1000, interval: TimeSpan.FromHours(1));

        Assert.True(_writer.TryTakeBatch(out var replayed));
        Assert.Equal(2, replayed!.Count);
        Assert.Equal(ShipCheckpoint.TokenOf(_log.First, end), _writer.Tokens.First());
        await shipper.StopAsync(default);
        Assert.True(_writer.TryTakeBatch(out var rest));
        Assert.Equal([3UL], rest!.Select(e => e.SessionId));
    }

    [Fact]
    public async Task Shipped_segments_are_deleted()
    {
        await _log.DisposeAsync();
        _log = WriteAheadLog.Open(_folder.Path, new LogOptions { SegmentBytes = 64 * 1024 }, NullLogger.Instance);
        var shipper = await StartAsync(batchSize: 1_000_000, interval: TimeSpan.FromHours(1));
        for (var i = 0; i < 100; i++) await AppendAsync(10);
        Assert.True(LogSegments.List(_folder.Path).Count > 1);

        await shipper.StopAsync(default);

        Assert.Single(LogSegments.List(_folder.Path));
        Assert.Equal(1000, Drain().Sum(b => b.Count));
    }

    [Fact]
    public async Task A_batch_sent_again_after_it_was_stored_is_dropped_as_a_recent_duplicate()
    {
        var shipper = await StartAsync(batchSize: 2, interval: TimeSpan.FromHours(1));
        using var dropped = new MetricCollector<long>(_meters!, CollectorMetrics.MeterName, "clicktrace.collector.events.dropped");
        var record = Build.Record(2, session: 7).Encode();

        await _log.AppendAsync(record);
        var first = await _writer.NextBatchAsync();
        await _log.AppendAsync(record);                 // the tag never saw the answer and sent it again
        await AppendAsync(2, session: 8);
        var second = await _writer.NextBatchAsync();

        Assert.Equal([7UL, 7UL], first.Select(e => e.SessionId));
        Assert.Equal([8UL, 8UL], second.Select(e => e.SessionId));
        Assert.Equal(["DuplicateRecent", "DuplicateRecent"], dropped.GetMeasurementSnapshot().Select(m => (string)m.Tags["reason"]!));
        await shipper.StopAsync(default);
    }

    [Fact]
    public async Task Two_copies_of_a_batch_waiting_in_one_insert_are_stored_once()
    {
        var shipper = await StartAsync(batchSize: 1000, interval: TimeSpan.FromHours(1));
        var record = Build.Record(3).Encode();
        await _log.AppendAsync(record);
        await _log.AppendAsync(record);

        await shipper.StopAsync(default);

        Assert.Equal(3, Drain().Sum(b => b.Count));
    }

    [Fact]
    public async Task The_log_is_decoded_on_a_thread_of_the_shippers_own_at_its_nice_value()
    {
        var shipper = await StartAsync(batchSize: 1, interval: TimeSpan.FromHours(1), nice: 13);
        await AppendAsync(1);
        await _writer.NextBatchAsync();

        // Linux shows 15 characters of a thread's name. Other tests' shippers run beside this one at nice 10.
        var shippers = Directory.GetDirectories("/proc/self/task")
            .Where(task => File.ReadAllText(Path.Combine(task, "comm")).Trim() == "ClickTrace ship")
            .Select(task => NiceOf(File.ReadAllText(Path.Combine(task, "stat"))));
        Assert.Contains(13, shippers);

        await shipper.StopAsync(default);
    }

    /// <summary>Field 19 of /proc/.../stat, counted after the parenthesised name.</summary>
    private static int NiceOf(string stat) =>
        int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Backoff_doubles_up_to_thirty_seconds()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(250), LogShipper.Backoff(0));
        Assert.Equal(TimeSpan.FromMilliseconds(1000), LogShipper.Backoff(2));
        Assert.Equal(TimeSpan.FromSeconds(30), LogShipper.Backoff(100));
    }

    private List<IReadOnlyList<TrackedEvent>> Drain()
    {
        var batches = new List<IReadOnlyList<TrackedEvent>>();
        while (_writer.TryTakeBatch(out var batch)) batches.Add(batch!);
        return batches;
    }
}
