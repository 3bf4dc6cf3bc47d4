namespace ClickTrace.Collector.Ingestion;

/// <summary>What the collector knows about the request a batch came in.</summary>
public sealed record IngestContext(DateTimeOffset ReceivedAt, string? Origin, string? UserAgent);
