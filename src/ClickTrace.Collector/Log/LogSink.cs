using ClickTrace.Collector.Ingestion;
using ClickTrace.Core.Events;

namespace ClickTrace.Collector.Log;

/// <summary>Accepts a request's events by appending them to the write-ahead log as one record.</summary>
public sealed class LogSink(WriteAheadLog log) : IIngestSink
{
    public ValueTask<AppendResult> AcceptAsync(IReadOnlyList<TrackedEvent> events, CancellationToken cancellationToken) =>
        events.Count == 0 ? ValueTask.FromResult(AppendResult.Durable) : log.AppendAsync(EventBatchCodec.Encode(events), cancellationToken);
}
