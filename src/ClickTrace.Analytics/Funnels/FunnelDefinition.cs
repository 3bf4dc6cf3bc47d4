namespace ClickTrace.Analytics.Funnels;

/// <summary>What a funnel step matches.</summary>
public enum FunnelStepKind
{
    /// <summary>A page view of a path: exact, or with <c>*</c> as a wildcard (<c>/product/*</c>).</summary>
    Page,

    /// <summary>A named step: an element marked <c>data-ct-step="name"</c> was shown.</summary>
    Step,

    /// <summary>A click on an element with this selector.</summary>
    ClickSelector,

    /// <summary>A click on an element with this visible text.</summary>
    ClickText,

    /// <summary>A custom event with this name (<c>clicktrace('name')</c>).</summary>
    Custom,

    /// <summary>Any of several steps (<see cref="FunnelStep.AnyOf"/>).</summary>
    AnyOf,
}

/// <summary>How strictly the steps must follow each other.</summary>
public enum FunnelOrder
{
    /// <summary>In order; other events (and other steps' events) may come in between.</summary>
    Ordered,

    /// <summary>In order, and no event of another step in between (ClickHouse's <c>strict_order</c>).</summary>
    Strict,
}

/// <summary>One step: a kind and its value, or, for <see cref="FunnelStepKind.AnyOf"/>, the alternatives.</summary>
public sealed record FunnelStep(FunnelStepKind Kind, string? Value = null, IReadOnlyList<FunnelStep>? AnyOf = null, string? Label = null)
{
    /// <summary>What the report calls the step: its label, or a description of what it matches.</summary>
    public string Describe() => Label ?? Kind switch
    {
        FunnelStepKind.Page => Value!,
        FunnelStepKind.Step => $"step {Value}",
        FunnelStepKind.ClickSelector => $"click {Value}",
        FunnelStepKind.ClickText => $"click \"{Value}\"",
        FunnelStepKind.Custom => $"event {Value}",
        _ => string.Join(" or ", AnyOf!.Select(s => s.Describe())),
    };
}

/// <summary>A funnel: 2 to 20 steps, the time a visitor has to get from the first to the last, and the order rule.</summary>
public sealed record FunnelDefinition(IReadOnlyList<FunnelStep> Steps, TimeSpan Window, FunnelOrder Order = FunnelOrder.Ordered)
{
    public const int MinSteps = 2;
    public const int MaxSteps = 20;
    public const int MaxAlternatives = 10;
    public const int MaxValueLength = 512;
    public static readonly TimeSpan MinWindow = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(90);

    /// <summary>Every problem with the definition, each naming the step or field (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Steps is null || Steps.Count is < MinSteps or > MaxSteps)
            errors.Add($"A funnel has {MinSteps} to {MaxSteps} steps.");
        if (Window < MinWindow || Window > MaxWindow)
            errors.Add("The conversion window is from 1 second to 90 days.");
        for (var i = 0; i < (Steps?.Count ?? 0); i++) Check(Steps![i], $"Step {i + 1}", nested: false, errors);
        return errors;
    }

    /// <summary>Every problem with a page pattern used on its own (the paths and page reports), named "The page".</summary>
    public static IReadOnlyList<string> ValidatePage(string page) => ValidateStep(new FunnelStep(FunnelStepKind.Page, page), "The page");

    /// <summary>Every problem with one step used on its own (a goal), each naming it as <paramref name="name"/>.</summary>
    public static IReadOnlyList<string> ValidateStep(FunnelStep? step, string name)
    {
        var errors = new List<string>();
        Check(step, name, nested: false, errors);
        return errors;
    }

    private static void Check(FunnelStep? step, string name, bool nested, List<string> errors)
    {
        if (step is null)
        {
            errors.Add($"{name} is missing.");
            return;
        }
        if (step.Kind == FunnelStepKind.AnyOf)
        {
            if (nested) errors.Add($"{name}: 'any of' cannot hold another 'any of'.");
            else if (step.AnyOf is null || step.AnyOf.Count is < 2 or > MaxAlternatives)
                errors.Add($"{name}: 'any of' needs 2 to {MaxAlternatives} alternatives.");
            else
                for (var j = 0; j < step.AnyOf.Count; j++) Check(step.AnyOf[j], $"{name}, alternative {j + 1}", nested: true, errors);
            return;
        }
        if (!Enum.IsDefined(step.Kind)) errors.Add($"{name}: unknown kind.");
        else if (string.IsNullOrWhiteSpace(step.Value)) errors.Add($"{name}: a {step.Kind} step needs a value.");
        else if (step.Value.Length > MaxValueLength) errors.Add($"{name}: the value is longer than {MaxValueLength} characters.");
        else if (step.Kind == FunnelStepKind.Page && !step.Value.StartsWith('/') && step.Value[0] != '*')
            errors.Add($"{name}: a page is a path starting with '/' (use * as a wildcard).");
    }
}
