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
}

/// <summary>The comparison period and its headline numbers.</summary>
public sealed record ComparedTotals(DateTimeOffset From, DateTimeOffset To, OverviewTotals Totals);

public sealed record OverviewTotals(long Visitors, long Sessions, long Pageviews, long Clicks);

public sealed record PageRow(string Path, long Pageviews, long Visitors);

/// <summary>A clicked element of a page: its selector, what it looks like, how often it was clicked and by how many visitors.</summary>
public sealed record ClickRow(string Path, string Selector, string Tag, string Text, string Href, long Clicks, long Visitors);
