using ClickTrace.Core.Events;

namespace ClickTrace.Collector.Queue;

/// <summary>
/// Where accepted events go before the collector answers. The collector acknowledges a batch only when
/// this returns true; false means "full, come back later" (503). The write-ahead log will be an
/// implementation of this seam that returns only once the events are on disk.
/// </summary>
public interface IIngestSink
{
    ValueTask<bool> TryAcceptAsync(IReadOnlyList<TrackedEvent> events, CancellationToken cancellationToken);
}
