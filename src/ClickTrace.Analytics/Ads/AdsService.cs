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
        var (campaignsSql, placementsSql, parameters) = Statements(query, goal);
        var campaignsQuery = store.QueryAsync(campaignsSql, parameters, cancellationToken);
        var placementsQuery = store.QueryAsync(placementsSql, parameters, cancellationToken);
        await Task.WhenAll(campaignsQuery, placementsQuery).ConfigureAwait(false);

        var campaigns = (await campaignsQuery.ConfigureAwait(false)).Rows.Select(r => new VariantCounts(
            CampaignName((string)r[0]!, (string)r[1]!, (string)r[2]!), (string)r[3]!, 0, 0, Cells.Long(r[4]), Cells.Long(r[5]), Cells.Long(r[6]), Cells.Decimal(r[7])));
        var placements = (await placementsQuery.ConfigureAwait(false)).Rows.Select(r =>
        {
            var (placement, variant) = AdsShaping.SplitPlacement((string)r[0]!);
            return new VariantCounts(placement, variant, Cells.Long(r[1]), Cells.Long(r[2]), Cells.Long(r[3]), Cells.Long(r[4]), Cells.Long(r[5]), Cells.Decimal(r[6]));
        });
        return new AdsReport(query.SiteId, query.Period.From, query.Period.To, goal?.Describe() ?? "revenue", confidence, minVisits,
            AdsShaping.Groups(campaigns, control, confidence, minVisits, hasViews: false),
            AdsShaping.Groups(placements, control, confidence, minVisits, hasViews: true));
    }

    /// <summary>The engine statements (campaigns, placements) and their parameters (for benchmarks and diagnostics).</summary>
    public static (string Campaigns, string Placements, QueryParameters Parameters) Statements(ReportQuery query, FunnelStep? goal)
    {
        var parameters = query.Parameters();
        var condition = goal is null ? "revenue != 0" : FunnelSql.Condition(goal, "goal", parameters);
        return (query.Expand(AdsQueries.Campaigns(condition)), query.Expand(AdsQueries.Placements(condition)), parameters);
    }

    /// <summary>"newsletter / email / winter": the parts that are set.</summary>
    public static string CampaignName(string source, string medium, string campaign) =>
        string.Join(" / ", new[] { source, medium, campaign }.Where(p => p.Length > 0));
}
