using ClickTrace.Collector.Ingestion;
using ClickTrace.Collector.Queue;
using ClickTrace.Core.Events;
using ClickTrace.Storage.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClickTrace.Collector.Shipping;

/// <summary>
/// Drains the queue into ClickHouse in batches: a batch is shipped when it reaches
/// <see cref="CollectorOptions.ShipBatchSize"/> events, when its oldest event has waited
/// <see cref="CollectorOptions.ShipInterval"/>, and at shutdown. A failed insert is retried with
/// backoff; meanwhile the queue fills and the collector pushes back with 503.
/// </summary>
public sealed partial class EventShipper(
    EventQueue queue, IEventWriter writer, IOptions<CollectorOptions> options, TimeProvider time,
    CollectorMetrics metrics, ILogger<EventShipper> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private readonly List<TrackedEvent> _buffer = [];
    private DateTimeOffset _oldest;
    private int _drained;

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
            Fill(settings.ShipBatchSize);
            var due = _oldest + settings.ShipInterval - time.GetUtcNow();
            if (_buffer.Count >= settings.ShipBatchSize || (_buffer.Count > 0 && due <= TimeSpan.Zero))
            {
                await ShipAsync(stoppingToken).ConfigureAwait(false);
                continue;
            }
            if (_buffer.Count == 0)
            {
                if (!await queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false)) return;
                continue;
            }
            await WaitForMoreOrDeadlineAsync(due, stoppingToken).ConfigureAwait(false);
        }
    }

    private void Fill(int batchSize)
    {
        while (_buffer.Count < batchSize && queue.Reader.TryRead(out var events))
        {
            if (_buffer.Count == 0) _oldest = time.GetUtcNow();
            _buffer.AddRange(events);
        }
    }

    private async Task WaitForMoreOrDeadlineAsync(TimeSpan due, CancellationToken stoppingToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var deadline = Task.Delay(due, time, wait.Token);
        var more = queue.Reader.WaitToReadAsync(wait.Token).AsTask();
        await Task.WhenAny(deadline, more).ConfigureAwait(false);
        await wait.CancelAsync().ConfigureAwait(false);
        stoppingToken.ThrowIfCancellationRequested();
    }

    /// <summary>Writes the buffer, retrying with exponential backoff until it is stored or the token fires.</summary>
    private async Task ShipAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                // The insert itself is not cancelled half-way: a cancelled insert might still land.
                await writer.WriteAsync(_buffer, CancellationToken.None).ConfigureAwait(false);
                metrics.Shipped(_buffer.Count);
                queue.Stored(_buffer.Count);
                _buffer.Clear();
                return;
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

    public static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(attempt, 16))));

    /// <summary>Shutdown: ship what is buffered and queued, within the configured time.</summary>
    private async Task DrainAsync()
    {
        if (Interlocked.Exchange(ref _drained, 1) == 1) return;
        queue.Complete();
        using var timeout = new CancellationTokenSource(options.Value.ShutdownFlushTimeout, time);
        try
        {
            do
            {
                Fill(options.Value.ShipBatchSize);
                if (_buffer.Count > 0) await ShipAsync(timeout.Token).ConfigureAwait(false);
            }
            while (_buffer.Count > 0 || queue.Reader.TryPeek(out _));
        }
        catch (OperationCanceledException)
        {
            LogShutdownLoss(queue.Pending);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing {Count} events failed; retrying in {Backoff}")]
    private partial void LogShipFailed(Exception error, int count, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Error, Message = "Shutdown timed out with {Count} events not stored")]
    private partial void LogShutdownLoss(long count);
}
