using System.Globalization;
using ClickTrace.Analytics.Funnels;

namespace ClickTrace.Server.Components.Pages;

/// <summary>
/// The funnel builder's state and its URL form: each step as <c>kind:value</c> in a repeated <c>step</c>
/// query parameter, so a funnel can be bookmarked. Any-of steps are made through the HTTP API; a saved
/// funnel that has them opens without them here.
/// </summary>
public sealed class FunnelSteps
{
    public static readonly (FunnelStepKind Kind, string Label)[] Kinds =
    [
        (FunnelStepKind.Page, "Page"), (FunnelStepKind.Step, "Named step"), (FunnelStepKind.ClickSelector, "Click (selector)"),
        (FunnelStepKind.ClickText, "Click (text)"), (FunnelStepKind.Custom, "Custom event"),
    ];

    public sealed class Row
    {
        public FunnelStepKind Kind { get; set; } = FunnelStepKind.Page;
        public string Value { get; set; } = "";
    }

    public List<Row> Rows { get; } = [];
    public int WindowMinutes { get; set; } = 60;
    public FunnelOrder Order { get; set; } = FunnelOrder.Ordered;

    /// <summary>Reads the URL form; unknown kinds are skipped (the URL is anyone's to edit).</summary>
    public static FunnelSteps Parse(IEnumerable<string>? steps, int? windowMinutes, string? order)
    {
        var result = new FunnelSteps { WindowMinutes = windowMinutes is >= 1 and <= 129_600 ? windowMinutes.Value : 60 };
        result.Order = string.Equals(order, "strict", StringComparison.OrdinalIgnoreCase) ? FunnelOrder.Strict : FunnelOrder.Ordered;
        foreach (var step in (steps ?? []).Take(FunnelDefinition.MaxSteps))
        {
            var colon = step.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !Enum.TryParse<FunnelStepKind>(step[..colon], ignoreCase: true, out var kind) || kind == FunnelStepKind.AnyOf) continue;
            result.Rows.Add(new Row { Kind = kind, Value = step[(colon + 1)..] });
        }
        while (result.Rows.Count < FunnelDefinition.MinSteps) result.Rows.Add(new Row());
        return result;
    }

    public static FunnelSteps From(FunnelDefinition definition)
    {
        var result = new FunnelSteps { WindowMinutes = (int)Math.Max(1, definition.Window.TotalMinutes), Order = definition.Order };
        result.Rows.AddRange(definition.Steps.Where(s => s.Kind != FunnelStepKind.AnyOf).Select(s => new Row { Kind = s.Kind, Value = s.Value ?? "" }));
        return result;
    }

    /// <summary>The URL form of the rows.</summary>
    public string[] ToQuery() => Rows.Select(r => $"{r.Kind.ToString().ToLowerInvariant()}:{r.Value}").ToArray();

    public string OrderQuery => Order == FunnelOrder.Strict ? "strict" : "ordered";

    /// <summary>The definition, or the problems that keep it from being one (each naming the step).</summary>
    public (FunnelDefinition? Definition, IReadOnlyList<string> Problems) Build()
    {
        var definition = new FunnelDefinition(
            Rows.Select(r => new FunnelStep(r.Kind, r.Value.Trim())).ToList(), TimeSpan.FromMinutes(WindowMinutes), Order);
        var problems = definition.Validate();
        return problems.Count == 0 ? (definition, problems) : (null, problems);
    }

    /// <summary>The step with the largest drop-off rate (1-based; the last step has none), or null when nobody dropped off.</summary>
    public static int? WorstStep(FunnelReport report) =>
        report.Steps.Take(report.Steps.Count - 1).Where(s => s.DropOff > 0).MaxBy(s => s.DropOffRate)?.Number;

    /// <summary>A saved funnel's id from its name: lower-case letters and digits joined by '-', at most 64; null when none.</summary>
    public static string? IdOf(string name)
    {
        var words = System.Text.RegularExpressions.Regex.Split(name.Trim().ToLowerInvariant(), "[^a-z0-9]+").Where(w => w.Length > 0);
        var id = string.Join('-', words);
        return id.Length == 0 ? null : id[..Math.Min(64, id.Length)].TrimEnd('-');
    }

    public static string Width(double share) => (Math.Clamp(share, 0, 1) * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
