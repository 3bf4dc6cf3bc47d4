namespace ClickTrace.Analytics.Links;

/// <summary>What is wrong with a link, if anything.</summary>
public enum LinkFlag
{
    None,

    /// <summary>Seen at least the minimum number of times, never clicked.</summary>
    NeverClicked,

    /// <summary>Seen at least the minimum number of times, with a click-through rate far below the page's links.</summary>
    RarelyClicked,

    /// <summary>Its clicks led to an error page or were followed by a script error.</summary>
    Broken,
}

/// <summary>The links of a site's pages over a period, flagged ones first, by the visitors they affect.</summary>
public sealed record LinksReport(string SiteId, DateTimeOffset From, DateTimeOffset To, long MinImpressions, IReadOnlyList<LinkRow> Links)
{
    /// <summary>The elements (links or not) with rage, dead or error clicks, by the visitors they frustrated.</summary>
    public IReadOnlyList<FrustratingElement> Frustrating { get; init; } = [];
}

/// <summary>An element of a page with its rage, dead and error clicks and the visitors who made them.</summary>
public sealed record FrustratingElement(string Path, string Selector, string Tag, string Text, long RageClicks, long DeadClicks, long ErrorClicks, long Visitors);

/// <summary>
/// One link on one page: how often it was seen (and by how many visitors), clicked, its click-through rate
/// and the page's, its average position, the clicks that led to an error page or a script error, its flag,
/// and how many visitors the flag affects (who saw a never or rarely clicked link; who hit the broken one).
/// </summary>
public sealed record LinkRow(
    string Path, string Selector, string Href, string Text, long Impressions, long SeenBy, long Clicks, long ClickedBy,
    double ClickThroughRate, double PageClickThroughRate, int X, int Y, long BrokenClicks, long BrokenVisitors, LinkFlag Flag, long VisitorsAffected);
