using ClickTrace.Collector.Enrichment;

namespace ClickTrace.Collector.Ingestion;

/// <summary>What enrichment works out once per request: the User-Agent's classes and the session and visitor ids.</summary>
public sealed record BatchFacts(UserAgentInfo Agent, ulong SessionId, ulong VisitorId, string Country = "");
