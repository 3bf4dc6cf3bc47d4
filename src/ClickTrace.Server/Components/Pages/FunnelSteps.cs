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
        (FunnelStepKind.ClickText, "Click (text)"), (FunnelStepKind.Custom, "Custom event"), (FunnelStepKind.AnyOf, "Any of"),
    ];

    /// <summary>How an "any of" row writes its alternatives: <c>page:/cart | custom:add-to-cart</c>.</summary>
    public const char AlternativeSeparator = '|';

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
            if (colon <= 0 || !Enum.TryParse<FunnelStepKind>(step[..colon], ignoreCase: true, out var kind)) continue;
            result.Rows.Add(new Row { Kind = kind, Value = step[(colon + 1)..] });
        }
        while (result.Rows.Count < FunnelDefinition.MinSteps) result.Rows.Add(new Row());
        return result;
    }

    public static FunnelSteps From(FunnelDefinition definition)
    {
        var result = new FunnelSteps { WindowMinutes = (int)Math.Max(1, definition.Window.TotalMinutes), Order = definition.Order };
        result.Rows.AddRange(definition.Steps.Select(s => new Row
        {
            Kind = s.Kind,
            Value = s.Kind == FunnelStepKind.AnyOf
                ? string.Join($" {AlternativeSeparator} ", (s.AnyOf ?? []).Select(a => $"{a.Kind.ToString().ToLowerInvariant()}:{a.Value}"))
                : s.Value ?? "",
        }));
        return result;
    }

    /// <summary>The URL form of the rows.</summary>
    public string[] ToQuery() => Rows.Select(r => $"{r.Kind.ToString().ToLowerInvariant()}:{r.Value}").ToArray();

    public string OrderQuery => Order == FunnelOrder.Strict ? "strict" : "ordered";

    /// <summary>The definition, or the problems that keep it from being one (each naming the step).</summary>
    public (FunnelDefinition? Definition, IReadOnlyList<string> Problems) Build()
    {
        var problems = new List<string>();
        var steps = Rows.Select((r, i) => r.Kind == FunnelStepKind.AnyOf ? AnyOf(r.Value, i + 1, problems) : new FunnelStep(r.Kind, r.Value.Trim())).ToList();
        if (problems.Count > 0) return (null, problems);
        var definition = new FunnelDefinition(steps, TimeSpan.FromMinutes(WindowMinutes), Order);
        problems.AddRange(definition.Validate());
        return problems.Count == 0 ? (definition, problems) : (null, problems);
    }

    /// <summary>An "any of" row's alternatives, each <c>kind:value</c> (page, step, clickselector, clicktext, custom).</summary>
    private static FunnelStep AnyOf(string value, int number, List<string> problems)
    {
        var alternatives = new List<FunnelStep>();
        foreach (var part in value.Split(AlternativeSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && Enum.TryParse<FunnelStepKind>(part[..colon], ignoreCase: true, out var kind) && kind != FunnelStepKind.AnyOf && !int.TryParse(part[..colon], out _))
                alternatives.Add(new FunnelStep(kind, part[(colon + 1)..].Trim()));
            else
                problems.Add($"Step {number}: write each alternative as kind:value (page:/cart, step:checkout, clickselector:#buy, clicktext:Buy, custom:purchase), separated by {AlternativeSeparator}; '{part}' is not one.");
        }
        if (alternatives.Count < 2 && problems.Count == 0) problems.Add($"Step {number}: \"Any of\" needs at least two alternatives separated by {AlternativeSeparator}.");
        return new FunnelStep(FunnelStepKind.AnyOf, AnyOf: alternatives);
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
