namespace ClickTrace.Analytics.Paths;

/// <summary>One row of the flow query: step k's link, its source and target pages ('' for the session's end or start).</summary>
public sealed record FlowRow(int Step, string Source, string Target, long Sessions);

/// <summary>Columns, lumping and links of the paths report: plain C#, unit-tested without a database.</summary>
public static class PathsShaping
{
    public const string Exit = "(exit)";
    public const string Entrance = "(entrance)";
    public const string Other = "(other)";

    /// <summary>Builds the columns and links, keeping the <paramref name="perColumn"/> most common pages of each column and lumping the rest.</summary>
    public static (IReadOnlyList<PathNode> Nodes, IReadOnlyList<PathLink> Links) Flow(IEnumerable<FlowRow> rows, PathDirection direction, int perColumn)
    {
        var sign = direction == PathDirection.From ? 1 : -1;
        var links = rows.Select(r => direction == PathDirection.From
                ? (FromColumn: r.Step - 1, Source: r.Source, ToColumn: r.Step, Target: r.Target.Length == 0 ? Exit : r.Target, r.Sessions)
                : (FromColumn: -r.Step, Source: r.Source.Length == 0 ? Entrance : r.Source, ToColumn: -(r.Step - 1), Target: r.Target, r.Sessions))
            .ToList();

        // A page's sessions in a column: going away from the anchor, those that arrived there; at the anchor's
        // own column, those that left it (into: the other way round).
        var inner = direction == PathDirection.From
            ? links.Where(l => l.FromColumn == 0).GroupBy(l => l.Source).Select(g => (Column: 0, Path: g.Key, Sessions: g.Sum(l => l.Sessions)))
            : links.Where(l => l.ToColumn == 0).GroupBy(l => l.Target).Select(g => (Column: 0, Path: g.Key, Sessions: g.Sum(l => l.Sessions)));
        var outer = direction == PathDirection.From
            ? links.GroupBy(l => (Column: l.ToColumn, Path: l.Target)).Select(g => (g.Key.Column, g.Key.Path, Sessions: g.Sum(l => l.Sessions)))
            : links.GroupBy(l => (Column: l.FromColumn, Path: l.Source)).Select(g => (g.Key.Column, g.Key.Path, Sessions: g.Sum(l => l.Sessions)));
        var nodes = inner.Concat(outer).ToList();

        var kept = nodes.GroupBy(n => n.Column)
            .SelectMany(c => c.OrderByDescending(n => n.Sessions).ThenBy(n => n.Path, StringComparer.Ordinal).Take(perColumn).Select(n => (n.Column, n.Path)))
            .ToHashSet();
        string Name(int column, string path) => kept.Contains((column, path)) ? path : Other;

        var shapedNodes = nodes.GroupBy(n => (n.Column, Path: Name(n.Column, n.Path)))
            .Select(g => new PathNode(g.Key.Column, g.Key.Path, g.Sum(n => n.Sessions)))
            .OrderBy(n => n.Column * sign).ThenBy(n => n.Path == Other).ThenByDescending(n => n.Sessions).ThenBy(n => n.Path, StringComparer.Ordinal)
            .ToList();
        var shapedLinks = links.GroupBy(l => (l.FromColumn, Source: Name(l.FromColumn, l.Source), l.ToColumn, Target: Name(l.ToColumn, l.Target)))
            .Select(g => new PathLink(g.Key.FromColumn, g.Key.Source, g.Key.ToColumn, g.Key.Target, g.Sum(l => l.Sessions)))
            .OrderBy(l => Math.Min(l.FromColumn * sign, l.ToColumn * sign)).ThenByDescending(l => l.Sessions)
            .ThenBy(l => l.Source, StringComparer.Ordinal).ThenBy(l => l.Target, StringComparer.Ordinal)
            .ToList();
        return (shapedNodes, shapedLinks);
    }

    /// <summary>The <paramref name="limit"/> most common flow links: by step, then sessions (most first), then pages.</summary>
    public static IReadOnlyList<FlowRow> MostCommon(IEnumerable<FlowRow> rows, int limit) =>
        rows.OrderBy(r => r.Step).ThenByDescending(r => r.Sessions)
            .ThenBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.Target, StringComparer.Ordinal)
            .Take(limit).ToList();

    /// <summary>The <paramref name="limit"/> most frequent back-tracks: by times (most first), then page and detour.</summary>
    public static IReadOnlyList<Backtrack> MostCommon(IEnumerable<Backtrack> rows, int limit) =>
        rows.OrderByDescending(b => b.Times)
            .ThenBy(b => b.Page, StringComparer.Ordinal).ThenBy(b => b.Detour, StringComparer.Ordinal)
            .Take(limit).ToList();
}
