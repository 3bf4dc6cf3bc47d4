using ClickTrace.Analytics.Funnels;
using ClickTrace.Analytics.Reports;
using ClickTrace.Storage;

namespace ClickTrace.Analytics.Paths;

/// <summary>The paths report: three engine queries over the sessions' page sequences, <see cref="PathsShaping"/> builds the flow.</summary>
public sealed class PathsService(IClickHouse store)
{
    public const int DefaultDepth = 4;
    public const int MaxDepth = 8;
    public const int DefaultPagesPerColumn = 8;
    public static readonly TimeSpan DefaultBacktrackWindow = TimeSpan.FromSeconds(10);

    /// <param name="page">A path, exact or with * wildcards.</param>
    public async Task<PathsReport> GetAsync(ReportQuery query, string page, PathDirection direction, int depth = DefaultDepth,
        int pagesPerColumn = DefaultPagesPerColumn, TimeSpan? backtrackWindow = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, MaxDepth);
        var parameters = query.Parameters()
            .Add("page", PathPattern.Like(page))
            .Add("depth", depth)
            .Add("backtrack_ms", (long)(backtrackWindow ?? DefaultBacktrackWindow).TotalMilliseconds);
        var flowsQuery = store.QueryAsync(query, PathsSql.Flows(direction == PathDirection.Into), parameters, cancellationToken);
        var reachQuery = store.QueryAsync(query, PathsSql.Reach, parameters, cancellationToken);
        var backtracksQuery = store.QueryAsync(query, PathsSql.Backtracks, parameters, cancellationToken);
        await Task.WhenAll(flowsQuery, reachQuery, backtracksQuery).ConfigureAwait(false);

        var flows = (await flowsQuery.ConfigureAwait(false)).Rows.Select(r => new FlowRow(Cells.Int(r[0]), (string)r[1]!, (string)r[2]!, Cells.Long(r[3])));
        var (nodes, links) = PathsShaping.Flow(flows, direction, pagesPerColumn);
        var reach = (await reachQuery.ConfigureAwait(false)).Rows.Single();
        var reached = Cells.Long(reach[1]);
        var backtracks = (await backtracksQuery.ConfigureAwait(false)).Rows
            .Select(r => new Backtrack((string)r[0]!, (string)r[1]!, Cells.Long(r[2]), Cells.Long(r[3]), Cells.Long(r[4]))).ToList();
        return new PathsReport(query.SiteId, query.Period.From, query.Period.To, page, direction, depth,
            Cells.Long(reach[0]), reached,
            reached == 0 ? null : Cells.Double(reach[2]),
            reached == 0 ? null : TimeSpan.FromMilliseconds(Cells.Double(reach[3])),
            nodes, links, backtracks);
    }
}
