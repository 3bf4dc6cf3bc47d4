using System.Diagnostics;
using ClickTrace.Collector.Queue;
using ClickTrace.Collector.Shipping;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ClickTrace.Collector.Tests.Shipping;

public sealed class EventShipperTests
{
    private readonly FakeTimeProvider _time = new(Build.Now);
    private readonly RecordingEventWriter _writer = new();

    private (EventShipper Shipper, EventQueue Queue) Start(int batchSize, TimeSpan interval)
    {
        var options = Options.Create(new CollectorOptions { ShipBatchSize = batchSize, ShipInterval = interval, QueueCapacity = 10_000 });
        var queue = new EventQueue(options);
        var shipper = new EventShipper(queue, _writer, options, _time, TestMetrics.Collector(out _), NullLogger<EventShipper>.Instance);
        shipper.StartAsync(default).GetAwaiter().GetResult();
        return (shipper, queue);
    }

    /// <summary>Advances fake time in small steps until the writer has a batch (bounded by 10 s of real time).</summary>
    private async Task<IReadOnlyList<Core.Events.TrackedEvent>> AdvanceUntilShippedAsync(TimeSpan step)
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
        var (shipper, queue) = Start(batchSize: 3, interval: TimeSpan.FromHours(1));

        queue.TryEnqueue([Build.Event(1), Build.Event(2)]);
        queue.TryEnqueue([Build.Event(3)]);

        Assert.Equal(3, (await _writer.NextBatchAsync()).Count);
        await shipper.StopAsync(default);
        Assert.Equal(0, queue.Pending);
    }

    [Fact]
    public async Task A_partial_batch_ships_once_its_oldest_event_waited_the_interval()
    {
        var (shipper, queue) = Start(batchSize: 1000, interval: TimeSpan.FromSeconds(1));

        queue.TryEnqueue([Build.Event(1), Build.Event(2)]);
        var shipped = await AdvanceUntilShippedAsync(TimeSpan.FromMilliseconds(100));

        Assert.Equal(2, shipped.Count);
        Assert.InRange(_time.GetUtcNow() - Build.Now, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        await shipper.StopAsync(default);
    }

    [Fact]
    public async Task Shutdown_ships_what_is_buffered_and_queued()
    {
        var (shipper, queue) = Start(batchSize: 1000, interval: TimeSpan.FromHours(1));
        queue.TryEnqueue([Build.Event(1), Build.Event(2)]);

        await shipper.StopAsync(default);

        Assert.True(_writer.TryTakeBatch(out var batch));
        Assert.Equal(2, batch!.Count);
        Assert.Equal(0, queue.Pending);
    }

    [Fact]
    public async Task A_failed_insert_is_retried_with_backoff_and_nothing_is_lost()
    {
        _writer.FailuresLeft = 2;
        var (shipper, queue) = Start(batchSize: 2, interval: TimeSpan.FromHours(1));

        queue.TryEnqueue([Build.Event(1), Build.Event(2)]);
        var shipped = await AdvanceUntilShippedAsync(TimeSpan.FromMilliseconds(250));

        Assert.Equal(2, shipped.Count);
        await shipper.StopAsync(default);
        Assert.Equal(3, _writer.Attempts);
        Assert.Equal(0, queue.Pending);
    }

    [Fact]
    public void Backoff_doubles_up_to_thirty_seconds()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(250), EventShipper.Backoff(0));
        Assert.Equal(TimeSpan.FromMilliseconds(1000), EventShipper.Backoff(2));
        Assert.Equal(TimeSpan.FromSeconds(30), EventShipper.Backoff(100));
    }
}
