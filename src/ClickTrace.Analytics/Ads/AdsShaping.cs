using System.Globalization;

namespace ClickTrace.Analytics.Ads;

/// <summary>What the engine counts for one variant of a campaign or a placement.</summary>
public sealed record VariantCounts(string Group, string Variant, long Views, long Clicks, long Visits, long Visitors, long Conversions, decimal Revenue);

/// <summary>Groups variants, compares them with the control and states the verdict: plain C#, unit-tested without a database.</summary>
public static class AdsShaping
{
    public const double Power = 0.8;

    /// <summary>"summer-b" → placement "summer", variant "b"; a value without '-' is a placement with one unnamed variant.</summary>
    public static (string Placement, string Variant) SplitPlacement(string ad)
    {
        var dash = ad.LastIndexOf('-');
        return dash <= 0 || dash == ad.Length - 1 ? (ad, "") : (ad[..dash], ad[(dash + 1)..]);
    }

    /// <param name="control">The variant to compare against, in every group that has it; otherwise each group's first variant (ordinal order).</param>
    /// <param name="hasViews">Placements: views and clicks mean something; campaigns: they are not known.</param>
    public static IReadOnlyList<AdGroup> Groups(IEnumerable<VariantCounts> counts, string? control, double confidence, long minVisits, bool hasViews) =>
        counts.GroupBy(c => c.Group, StringComparer.Ordinal)
            .Select(g => Group(g.Key, g.OrderBy(v => v.Variant, StringComparer.Ordinal).ToList(), control, confidence, minVisits, hasViews))
            .OrderByDescending(g => g.Variants.Sum(v => v.Visits)).ThenBy(g => g.Name, StringComparer.Ordinal)
            .ToList();

    private static AdGroup Group(string name, List<VariantCounts> variants, string? control, double confidence, long minVisits, bool hasViews)
    {
        var baseline = variants.FirstOrDefault(v => v.Variant == control) ?? variants[0];
        var comparisons = variants.Count - 1;
        var alpha = (1 - confidence) / Math.Max(1, comparisons);
        var rows = variants.Select(v =>
        {
            Comparison? versus = null;
            if (!ReferenceEquals(v, baseline))
            {
                var p = Proportions.PValue(baseline.Conversions, baseline.Visits, v.Conversions, v.Visits);
                var lift = Proportions.Lift(baseline.Conversions, baseline.Visits, v.Conversions, v.Visits, 1 - alpha);
                versus = new Comparison(lift?.Lift, lift?.Interval, p, p < alpha);
            }
            return new AdVariant(v.Variant, v.Views, v.Clicks, hasViews ? Rate(v.Clicks, v.Views) : null, v.Visits, v.Visitors, v.Conversions,
                Rate(v.Conversions, v.Visits) ?? 0, Proportions.Wilson(v.Conversions, v.Visits, confidence),
                v.Revenue, v.Visits == 0 ? 0 : Math.Round(v.Revenue / v.Visits, 2), versus);
        }).ToList();
        return new AdGroup(name, baseline.Variant, rows, Decide(rows, baseline.Variant, alpha, minVisits));
    }

    /// <summary>The verdict: the best challenger against the control.</summary>
    public static Verdict Decide(IReadOnlyList<AdVariant> variants, string control, double alpha, long minVisits)
    {
        if (variants.Count < 2) return new Verdict(null, null, "Only one variant: nothing to compare.");
        var baseline = variants.Single(v => v.Variant == control);
        var challenger = variants.Where(v => v.Variant != control).MaxBy(v => v.ConversionRate)!;
        var enough = baseline.Visits >= minVisits && challenger.Visits >= minVisits;
        if (enough && challenger.VersusControl!.Significant)
        {
            var winner = challenger.ConversionRate > baseline.ConversionRate ? challenger : baseline;
            var loser = ReferenceEquals(winner, challenger) ? baseline : challenger;
            return new Verdict(winner.Variant, 0, string.Create(CultureInfo.InvariantCulture,
                $"{Name(winner.Variant)} wins: it converts {winner.ConversionRate * 100:0.0}% against {loser.ConversionRate * 100:0.0}% ({PValueText(challenger.VersusControl.PValue)})."));
        }
        var perGroup = Proportions.SampleSizePerGroup(baseline.ConversionRate, challenger.ConversionRate, alpha, Power);
        var more = perGroup is { } n ? Math.Max(0, Math.Max(n, minVisits) - baseline.Visits) + Math.Max(0, Math.Max(n, minVisits) - challenger.Visits) : (long?)null;
        var text = more switch
        {
            null => "No difference between the variants so far.",
            0 => "No significant difference: the variants convert alike.",
            _ => string.Create(CultureInfo.InvariantCulture, $"No significant difference yet: about {more:N0} more visits are needed."),
        };
        return new Verdict(null, more, text);
    }

    /// <summary>"p = 0.012", or "p &lt; 0.0001" below what is worth printing (and what the normal tail's fit resolves).</summary>
    public static string PValueText(double p) =>
        p < 0.0001 ? "p < 0.0001" : string.Create(CultureInfo.InvariantCulture, $"p = {p:0.####}");

    private static string Name(string variant) => variant.Length == 0 ? "The unnamed variant" : $"Variant {variant}";

    private static double? Rate(long part, long whole) => whole == 0 ? null : (double)part / whole;
}
