namespace ClickTrace.Analytics.Ads;

/// <summary>
/// Ads and campaigns over a period: campaign variants (utm_content within source / medium / campaign) and
/// on-site placements (data-ct-ad="placement-variant"), each variant's visits and conversions to the goal,
/// compared with the group's control.
/// </summary>
public sealed record AdsReport(
    string SiteId, DateTimeOffset From, DateTimeOffset To, string Goal, double Confidence, long MinVisits,
    IReadOnlyList<AdGroup> Campaigns, IReadOnlyList<AdGroup> Placements);

/// <summary>A campaign (source / medium / campaign) or a placement, its variants, the control and the verdict.</summary>
public sealed record AdGroup(string Name, string Control, IReadOnlyList<AdVariant> Variants, Verdict Verdict);

/// <summary>
/// One variant: its views and clicks (placements only; campaigns are clicked elsewhere), visits (sessions that
/// landed from it, or saw it) and their visitors, visits that reached the goal (after seeing it), the
/// conversion rate with its Wilson interval, revenue (in those visits, after seeing it), and the comparison
/// with the control (none for the control itself).
/// </summary>
public sealed record AdVariant(
    string Variant, long Views, long Clicks, double? ClickThroughRate, long Visits, long Visitors, long Conversions,
    double ConversionRate, Bounds ConversionInterval, decimal Revenue, decimal RevenuePerVisit, Comparison? VersusControl);

/// <summary>
/// A variant against the control: the relative lift of its conversion rate (0.2: 20 % better) with its
/// interval (null when either has no conversion), the two-sided p-value, and whether it is significant at
/// the report's level corrected for the number of comparisons (Bonferroni).
/// </summary>
public sealed record Comparison(double? Lift, Bounds? LiftInterval, double PValue, bool Significant);

/// <summary>
/// What the group says: the winner, named only when significantly better than the others compared and
/// when each has the minimum visits; otherwise, about how many more visits the best challenger and the
/// control together need (null when their rates are equal so far), and the sentence that says so.
/// </summary>
public sealed record Verdict(string? Winner, long? MoreVisitsNeeded, string Text);
