using ClickTrace.Collector.Log;

namespace ClickTrace.Collector.Ingestion;

/// <summary>
/// Where an admitted batch goes before the collector answers. The collector acknowledges a batch only when
/// this says <see cref="AppendResult.Durable"/>.
/// </summary>
public interface IIngestSink
{
    ValueTask<AppendResult> AcceptAsync(BatchRecord record, CancellationToken cancellationToken);
}
