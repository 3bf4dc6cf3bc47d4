using System.Threading.Channels;
using ClickTrace.Core.Events;
using Microsoft.Extensions.Options;

namespace ClickTrace.Collector.Queue;

/// <summary>
/// The in-memory queue between the collect endpoint and the shipper, bounded by a number of events
/// (not batches). Events count against the capacity until the shipper has stored them, so a store
/// outage fills the queue and the collector starts answering 503 instead of growing without bound.
/// </summary>
public sealed class EventQueue(IOptions<CollectorOptions> options) : IIngestSink
{
    private readonly Channel<IReadOnlyList<TrackedEvent>> _channel =
        Channel.CreateUnbounded<IReadOnlyList<TrackedEvent>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly int _capacity = options.Value.QueueCapacity;
    private long _pending;

    /// <summary>Events accepted and not yet stored.</summary>
    public long Pending => Interlocked.Read(ref _pending);

    public ChannelReader<IReadOnlyList<TrackedEvent>> Reader => _channel.Reader;

    public bool TryEnqueue(IReadOnlyList<TrackedEvent> events)
    {
        if (events.Count == 0) return true;
        if (Interlocked.Add(ref _pending, events.Count) > _capacity)
        {
            Interlocked.Add(ref _pending, -events.Count);
            return false;
        }
        if (_channel.Writer.TryWrite(events)) return true;
        Interlocked.Add(ref _pending, -events.Count);
        return false;
    }

    public ValueTask<bool> TryAcceptAsync(IReadOnlyList<TrackedEvent> events, CancellationToken cancellationToken) =>
        ValueTask.FromResult(TryEnqueue(events));

    /// <summary>Called by the shipper once events are stored: frees their room in the queue.</summary>
    public void Stored(int count) => Interlocked.Add(ref _pending, -count);

    /// <summary>No more events will be accepted (shutdown).</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
