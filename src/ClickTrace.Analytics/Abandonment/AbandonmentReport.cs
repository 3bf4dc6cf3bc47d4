namespace ClickTrace.Analytics.Abandonment;

/// <summary>
/// The visitors who reached funnel step <see cref="Step"/> but not the next, and what they did instead,
/// after their last arrival at the step: where they went, the form field they left at, the clicks that
/// frustrated them on that page, and some of their sessions to open.
/// </summary>
public sealed record AbandonmentReport(
    string SiteId, DateTimeOffset From, DateTimeOffset To, int Step, string StepName, string NextStepName, long Abandoned,
    IReadOnlyList<Destination> Destinations, IReadOnlyList<LastField> Fields, IReadOnlyList<FrustrationRow> Frustration,
    IReadOnlyList<SessionSample> Sessions);

/// <summary>The next page they viewed in that session (null: they left the site), by how many of them, and their share.</summary>
public sealed record Destination(string? Path, long Visitors, double Share)
{
    public bool LeftSite => Path is null;
}

/// <summary>The field they abandoned (or last used) on the step's page: how many, their share of the abandoning visitors, the median time in it.</summary>
public sealed record LastField(string Field, long Visitors, double Share, TimeSpan MedianTime);

/// <summary>Rage, dead or error clicks on an element of the step's page after the visitors reached it.</summary>
public sealed record FrustrationRow(string Type, string Selector, long Clicks, long Visitors);

/// <summary>An abandoning visitor's session to open (ids as 16 hex digits) and when they last reached the step.</summary>
public sealed record SessionSample(string SessionId, string VisitorId, DateTimeOffset ReachedAt);
