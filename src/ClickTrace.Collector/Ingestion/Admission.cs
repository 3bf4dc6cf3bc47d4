namespace ClickTrace.Collector.Ingestion;

/// <summary>
/// A batch let in: its site, the session and visitor ids worked out for it, the visitor's country (from the
/// IP, which goes no further), how many events will be stored and why the others were dropped.
/// </summary>
public sealed record Admission(string SiteId, ulong SessionId, ulong VisitorId, int Accepted, IReadOnlyList<DropReason> Drops, string Country = "");
