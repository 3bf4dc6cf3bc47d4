namespace ClickTrace.Analytics.Paths;

/// <summary>Which way the paths go from the anchor page.</summary>
public enum PathDirection
{
    /// <summary>The pages visitors went on to after the anchor.</summary>
    From,

    /// <summary>The pages that led to the anchor (a goal).</summary>
    Into,
}

/// <summary>
/// The paths through a site around one page (exact, or with * wildcards), in sessions: the flow as columns
/// of pages and the links between them (a Sankey chart's data); how many sessions reached the page, after
/// how many pages and how long from the session's start; and the back-tracks of the whole site.
/// </summary>
public sealed record PathsReport(
    string SiteId, DateTimeOffset From, DateTimeOffset To, string Page, PathDirection Direction, int Depth,
    long Sessions, long SessionsReachingPage, double? MedianPagesBefore, TimeSpan? MedianTimeToPage,
    IReadOnlyList<PathNode> Nodes, IReadOnlyList<PathLink> Links, IReadOnlyList<Backtrack> Backtracks);

/// <summary>
/// A page in a column of the flow: column 0 holds the anchor; the next pages are 1, 2, ... (direction From)
/// or the earlier ones -1, -2, ... (Into). <see cref="PathsShaping.Exit"/> and <see cref="PathsShaping.Entrance"/>
/// mark where sessions ended or began, <see cref="PathsShaping.Other"/> the pages beyond the most common.
/// </summary>
public sealed record PathNode(int Column, string Path, long Sessions);

/// <summary>Sessions that went from a page in one column to a page in the next.</summary>
public sealed record PathLink(int FromColumn, string Source, int ToColumn, string Target, long Sessions);

/// <summary>
/// A back-track: from <see cref="Page"/> to <see cref="Detour"/> and back within seconds, a sign that the
/// detour was not what the visitor looked for. How often, in how many sessions, by how many visitors.
/// </summary>
public sealed record Backtrack(string Page, string Detour, long Times, long Sessions, long Visitors);
