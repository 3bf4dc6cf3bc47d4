using ClickTrace.Collector.Ingestion;

namespace ClickTrace.Collector.Log;

/// <summary>Accepts a request's batch by appending it to the write-ahead log as one record.</summary>
public sealed class LogSink(WriteAheadLog log) : IIngestSink
{
    public ValueTask<AppendResult> AcceptAsync(BatchRecord record, CancellationToken cancellationToken) =>
        log.AppendAsync(record, cancellationToken);
}
