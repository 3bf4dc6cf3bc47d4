namespace ClickTrace.Analytics.Links;

/// <summary>Click-through rates, flags and the ranking of the links report: plain arithmetic, unit-tested without a database.</summary>
public static class LinksShaping
{
    /// <summary>A link below this share of its page's click-through rate is "rarely clicked".</summary>
    public const double RareShare = 0.1;

    public static IReadOnlyList<LinkRow> Rows(IEnumerable<LinkCounts> links, long minImpressions)
    {
        var all = links.ToList();
        var pages = all.GroupBy(l => l.Path).ToDictionary(g => g.Key, g => Rate(g.Sum(l => l.Clicks), g.Sum(l => l.Impressions)));
        return all
            .Select(l =>
            {
                var ctr = Rate(l.Clicks, l.Impressions);
                var page = pages[l.Path];
                var seenEnough = l.Impressions >= minImpressions;
                var flag = l.BrokenClicks > 0 ? LinkFlag.Broken
                    : seenEnough && l.Clicks == 0 ? LinkFlag.NeverClicked
                    : seenEnough && ctr < page * RareShare ? LinkFlag.RarelyClicked
                    : LinkFlag.None;
                var affected = flag switch
                {
                    LinkFlag.Broken => l.BrokenVisitors,
                    LinkFlag.NeverClicked or LinkFlag.RarelyClicked => l.SeenBy,
                    _ => 0,
                };
                return new LinkRow(l.Path, l.Selector, l.Href, l.Text, l.Impressions, l.SeenBy, l.Clicks, l.ClickedBy, ctr, page,
                    l.X, l.Y, l.BrokenClicks, l.BrokenVisitors, flag, affected);
            })
            .OrderBy(r => r.Flag == LinkFlag.None)
            .ThenByDescending(r => r.VisitorsAffected)
            .ThenByDescending(r => r.Impressions)
            .ThenBy(r => r.Path, StringComparer.Ordinal)
            .ThenBy(r => r.Selector, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Clicks per impression, 0 without impressions (a link clicked where it was never reported seen has no rate).</summary>
    public static double Rate(long clicks, long impressions) => impressions == 0 ? 0 : (double)clicks / impressions;
}
