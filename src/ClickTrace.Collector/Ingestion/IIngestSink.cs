using ClickTrace.Collector.Log;
using ClickTrace.Core.Events;

namespace ClickTrace.Collector.Ingestion;

/// <summary>
/// Where accepted events go before the collector answers. The collector acknowledges a batch only when
/// this says <see cref="AppendResult.Durable"/>.
/// </summary>
public interface IIngestSink
{
    ValueTask<AppendResult> AcceptAsync(IReadOnlyList<TrackedEvent> events, CancellationToken cancellationToken);
}
