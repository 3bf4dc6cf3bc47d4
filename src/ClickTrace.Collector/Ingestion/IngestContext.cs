using System.Net;

namespace ClickTrace.Collector.Ingestion;

/// <summary>What the collector knows about the request a batch came in. The IP is used for cookieless ids only, never stored.</summary>
public sealed record IngestContext(DateTimeOffset ReceivedAt, string? Origin, string? UserAgent, IPAddress? RemoteIp = null);
