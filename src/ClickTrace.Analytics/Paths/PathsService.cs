using ClickTrace.Analytics.Funnels;
using ClickTrace.Analytics.Reports;
using ClickTrace.Storage;

namespace ClickTrace.Analytics.Paths;

/// <summary>The paths report: one engine query over the sessions' page sequences, <see cref="PathsShaping"/> builds the flow and keeps the most common.</summary>
public sealed class PathsService(IClickHouse store)
{
    public const int DefaultDepth = 4;
    public const int MaxDepth = 8;
    public const int DefaultPagesPerColumn = 8;
    public static readonly TimeSpan DefaultBacktrackWindow = TimeSpan.FromSeconds(10);

    /// <summary>Most back-tracks listed, the most frequent first.</summary>
    public const int MaxBacktracks = 100;

    /// <summary>Most (step, page, next page) links the flow is built from, the most common first.</summary>
    public const int MaxFlowRows = PathsSql.RowsPerFact;

    /// <param name="page">A path, exact or with * wildcards.</param>
    public async Task<PathsReport> GetAsync(ReportQuery query, string page, PathDirection direction, int depth = DefaultDepth,
        int pagesPerColumn = DefaultPagesPerColumn, TimeSpan? backtrackWindow = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, MaxDepth);
        var parameters = query.Parameters()
            .Add("page", PathPattern.Value(page))
            .Add("depth", depth)
            .Add("backtrack_ms", (long)(backtrackWindow ?? DefaultBacktrackWindow).TotalMilliseconds);
        var rows = (await store.QueryAsync(query, PathsSql.Report(direction == PathDirection.Into, page), parameters, cancellationToken).ConfigureAwait(false)).Rows;
        IEnumerable<object?[]> Facts(PathsSql.Fact fact) => rows.Where(r => Cells.Int(r[0]) == (int)fact);

        var flows = Facts(PathsSql.Fact.Flow).Select(r => new FlowRow(Cells.Int(r[1]), (string)r[2]!, (string)r[3]!, Cells.Long(r[4])));
        var (nodes, links) = PathsShaping.Flow(PathsShaping.MostCommon(flows, MaxFlowRows), direction, pagesPerColumn);
        var sessions = Facts(PathsSql.Fact.Session).Sum(r => Cells.Long(r[4]));
        var reach = Facts(PathsSql.Fact.Reached).SingleOrDefault();
        var reached = reach is null ? 0 : Cells.Long(reach[4]);
        var backtracks = PathsShaping.MostCommon(Facts(PathsSql.Fact.Backtrack)
            .Select(r => new Backtrack((string)r[2]!, (string)r[3]!, Cells.Long(r[4]), Cells.Long(r[5]), Cells.Long(r[6]))), MaxBacktracks);
        return new PathsReport(query.SiteId, query.Period.From, query.Period.To, page, direction, depth,
            sessions, reached,
            reach is null ? null : Cells.Double(reach[7]),
            reach is null ? null : TimeSpan.FromMilliseconds(Cells.Double(reach[8])),
            nodes, links, backtracks);
    }
}
