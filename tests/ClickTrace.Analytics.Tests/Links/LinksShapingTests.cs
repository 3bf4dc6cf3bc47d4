using ClickTrace.Analytics.Links;

namespace ClickTrace.Analytics.Tests.Links;

public sealed class LinksShapingTests
{
    private static LinkCounts Link(string selector, long impressions, long clicks, long broken = 0, string path = "/") =>
        new(path, selector, "/x", "X", impressions, impressions / 2, clicks, clicks, 10, 20, broken, broken);

    [Fact]
    public void Links_are_flagged_never_rarely_clicked_or_broken_and_ranked_by_visitors_affected()
    {
        var rows = LinksShaping.Rows(
        [
            Link("#popular", 1000, 300),
            Link("#never", 400, 0),
            Link("#rare", 1000, 2),          // 0.2% against the page's 12.1%
            Link("#broken", 50, 10, broken: 8),
            Link("#unseen", 20, 0),          // too few impressions to judge
        ], minImpressions: 100);

        Assert.Equal(["#rare", "#never", "#broken", "#popular", "#unseen"], rows.Select(r => r.Selector));
        Assert.Equal([LinkFlag.RarelyClicked, LinkFlag.NeverClicked, LinkFlag.Broken, LinkFlag.None, LinkFlag.None], rows.Select(r => r.Flag));
        Assert.Equal([500L, 200L, 8L, 0L, 0L], rows.Select(r => r.VisitorsAffected));
        Assert.Equal(0.3, rows[3].ClickThroughRate);
        Assert.Equal(312.0 / 2470, rows[0].PageClickThroughRate, 1e-12);
    }

    [Fact]
    public void A_link_clicked_but_never_reported_seen_has_no_rate_and_no_flag()
    {
        var row = Assert.Single(LinksShaping.Rows([Link("#menu", 0, 5)], minImpressions: 1));

        Assert.Equal((0.0, LinkFlag.None), (row.ClickThroughRate, row.Flag));
    }
}
