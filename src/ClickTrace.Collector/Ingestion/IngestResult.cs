using ClickTrace.Core.Events;

namespace ClickTrace.Collector.Ingestion;

/// <summary>The events of a batch that survived the pipeline, and the reasons the others were dropped.</summary>
public sealed record IngestResult(IReadOnlyList<TrackedEvent> Events, IReadOnlyList<DropReason> Drops);
