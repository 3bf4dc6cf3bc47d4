using ClickTrace.Analytics.Paths;

namespace ClickTrace.Analytics.Tests.Paths;

public sealed class PathsShapingTests
{
    [Fact]
    public void Forward_flows_put_the_anchor_in_column_0_and_mark_where_sessions_ended()
    {
        var (nodes, links) = PathsShaping.Flow(
        [
            new(1, "/cart", "/checkout", 6), new(1, "/cart", "", 4),
            new(2, "/checkout", "/pay", 5), new(2, "/checkout", "", 1),
        ], PathDirection.From, perColumn: 10);

        Assert.Equal([(0, "/cart", 10L), (1, "/checkout", 6L), (1, PathsShaping.Exit, 4L), (2, "/pay", 5L), (2, PathsShaping.Exit, 1L)],
            nodes.Select(n => (n.Column, n.Path, n.Sessions)));
        Assert.Equal((0, "/cart", 1, "/checkout", 6L), (links[0].FromColumn, links[0].Source, links[0].ToColumn, links[0].Target, links[0].Sessions));
    }

    [Fact]
    public void Flows_into_a_goal_count_back_from_it_and_mark_where_sessions_began()
    {
        var (nodes, links) = PathsShaping.Flow(
        [
            new(1, "/pay", "/thanks", 7), new(1, "", "/thanks", 1),
            new(2, "/checkout", "/pay", 7),
        ], PathDirection.Into, perColumn: 10);

        Assert.Equal([(0, "/thanks", 8L), (-1, "/pay", 7L), (-1, PathsShaping.Entrance, 1L), (-2, "/checkout", 7L)],
            nodes.Select(n => (n.Column, n.Path, n.Sessions)));
        Assert.Contains(links, l => (l.FromColumn, l.Source, l.ToColumn, l.Target) == (-1, PathsShaping.Entrance, 0, "/thanks"));
    }

    [Fact]
    public void Pages_beyond_the_most_common_of_a_column_are_lumped_with_their_links()
    {
        var (nodes, links) = PathsShaping.Flow(
        [
            new(1, "/", "/a", 5), new(1, "/", "/b", 3), new(1, "/", "/c", 2),
            new(2, "/b", "/x", 3), new(2, "/c", "/x", 2),
        ], PathDirection.From, perColumn: 1);

        Assert.Equal([(0, "/", 10L), (1, "/a", 5L), (1, PathsShaping.Other, 5L), (2, "/x", 5L)], nodes.Select(n => (n.Column, n.Path, n.Sessions)));
        Assert.Contains(links, l => (l.Source, l.Target, l.Sessions) == (PathsShaping.Other, "/x", 5L));
    }

    [Fact]
    public void Only_the_most_common_flow_links_are_kept_step_by_step()
    {
        var kept = PathsShaping.MostCommon(
        [
            new FlowRow(2, "/b", "/c", 9), new FlowRow(1, "/", "/b", 3), new FlowRow(1, "/", "/a", 3), new FlowRow(1, "/", "/z", 5),
        ], limit: 3);

        Assert.Equal([(1, "/z"), (1, "/a"), (1, "/b")], kept.Select(r => (r.Step, r.Target)));
    }

    [Fact]
    public void Back_tracks_are_listed_most_frequent_first_and_cut_at_the_limit()
    {
        var kept = PathsShaping.MostCommon(
        [
            new Backtrack("/p", "/shipping", 4, 4, 3), new Backtrack("/p", "/faq", 9, 7, 7), new Backtrack("/a", "/faq", 4, 2, 2),
        ], limit: 2);

        Assert.Equal([("/p", "/faq"), ("/a", "/faq")], kept.Select(b => (b.Page, b.Detour)));
    }
}
