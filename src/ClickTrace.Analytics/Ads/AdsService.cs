using ClickTrace.Analytics.Funnels;
using ClickTrace.Analytics.Reports;
using ClickTrace.Storage;

namespace ClickTrace.Analytics.Ads;

/// <summary>The ads and campaigns report: the engine counts visits and conversions per variant, <see cref="AdsShaping"/> compares.</summary>
public sealed class AdsService(IClickHouse store)
{
    public const double DefaultConfidence = 0.95;
    public const long DefaultMinVisits = 100;

    /// <param name="goal">What counts as a conversion (a page, step, click or custom event); null: any event with revenue.</param>
    /// <param name="control">The variant the others are compared with; null: each group's first.</param>
    public async Task<AdsReport> GetAsync(ReportQuery query, FunnelStep? goal, string? control = null, double confidence = DefaultConfidence,
        long minVisits = DefaultMinVisits, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(confidence, 0.5);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(confidence, 0.999);
        var (sql, parameters) = Statement(query, goal);
        var rows = (await store.QueryAsync(sql, parameters, cancellationToken).ConfigureAwait(false)).Rows;

        var campaigns = rows.Where(r => Cells.Long(r[0]) == AdsQueries.Campaign).Select(r => new VariantCounts(
            CampaignName((string)r[1]!, (string)r[2]!, (string)r[3]!), (string)r[4]!, 0, 0, Cells.Long(r[7]), Cells.Long(r[8]), Cells.Long(r[9]), Cells.Decimal(r[10])));
        var placements = rows.Where(r => Cells.Long(r[0]) == AdsQueries.Placement).Select(r =>
        {
            var (placement, variant) = AdsShaping.SplitPlacement((string)r[1]!);
            return new VariantCounts(placement, variant, Cells.Long(r[5]), Cells.Long(r[6]), Cells.Long(r[7]), Cells.Long(r[8]), Cells.Long(r[9]), Cells.Decimal(r[10]));
        });
        return new AdsReport(query.SiteId, query.Period.From, query.Period.To, goal?.Describe() ?? "revenue", confidence, minVisits,
            AdsShaping.Groups(campaigns, control, confidence, minVisits, hasViews: false),
            AdsShaping.Groups(placements, control, confidence, minVisits, hasViews: true));
    }

    /// <summary>The engine statement (campaign and placement visits in one pass) and its parameters (for benchmarks and diagnostics).</summary>
    public static (string Sql, QueryParameters Parameters) Statement(ReportQuery query, FunnelStep? goal)
    {
        var parameters = query.Parameters();
        var condition = goal is null ? "revenue != 0" : FunnelSql.Condition(goal, "goal", parameters);
        return (query.Expand(AdsQueries.Visits(condition)), parameters);
    }

    /// <summary>"newsletter / email / winter": the parts that are set.</summary>
    public static string CampaignName(string source, string medium, string campaign) =>
        string.Join(" / ", new[] { source, medium, campaign }.Where(p => p.Length > 0));
}
