using ClickTrace.Analytics.Reports;

namespace ClickTrace.Analytics.Overview;

/// <summary>The overview report: headline numbers, the series, the top pages and the most clicked elements.</summary>
public sealed record OverviewReport(
    string SiteId,
    DateTimeOffset From,
    DateTimeOffset To,
    string TimeZone,
    Interval Interval,
    OverviewTotals Totals,
    IReadOnlyList<SeriesPoint> Series,
    IReadOnlyList<PageRow> TopPages,
    IReadOnlyList<ClickRow> TopClicks)
{
    /// <summary>The headline numbers of the period of the same length just before, when asked for.</summary>
    public ComparedTotals? Previous { get; init; }

    /// <summary>How the sessions went: bounces and time on the site.</summary>
    public VisitStats Visits { get; init; } = new(0, 0, 0, TimeSpan.Zero);

    /// <summary>Sessions and visitors by entry page, exit page, source, campaign, channel, device, browser and OS, the most common first.</summary>
    public IReadOnlyList<Breakdown> Breakdowns { get; init; } = [];

    /// <summary>Visitors with an event in the last five minutes (the whole site, whatever the period and filters).</summary>
    public long LiveVisitors { get; init; }
}

/// <summary>
/// Sessions with a page view, those that viewed one page only (bounces) and their share, and the average
/// time from a session's first event to its last.
/// </summary>
public sealed record VisitStats(long Sessions, long Bounces, double BounceRate, TimeSpan AverageDuration);

/// <summary>One dimension's values (<see cref="OverviewShaping.Dimensions"/>) with their sessions and visitors.</summary>
public sealed record Breakdown(string Dimension, IReadOnlyList<BreakdownRow> Rows);

public sealed record BreakdownRow(string Value, long Sessions, long Visitors);

/// <summary>The comparison period and its headline numbers.</summary>
public sealed record ComparedTotals(DateTimeOffset From, DateTimeOffset To, OverviewTotals Totals);

public sealed record OverviewTotals(long Visitors, long Sessions, long Pageviews, long Clicks);

public sealed record PageRow(string Path, long Pageviews, long Visitors);

/// <summary>A clicked element of a page: its selector, what it looks like, how often it was clicked and by how many visitors.</summary>
public sealed record ClickRow(string Path, string Selector, string Tag, string Text, string Href, long Clicks, long Visitors);
