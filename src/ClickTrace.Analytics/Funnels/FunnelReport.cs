namespace ClickTrace.Analytics.Funnels;

/// <summary>A funnel over a period: its steps in order, and how many visitors entered it.</summary>
public sealed record FunnelReport(
    string SiteId, DateTimeOffset From, DateTimeOffset To, FunnelOrder Order, TimeSpan Window, long Entered, IReadOnlyList<FunnelStepRow> Steps)
{
    /// <summary>The funnel per value of a dimension (the visitor's first value in the period), when asked for; the most common values first.</summary>
    public FunnelBreakdown? Breakdown { get; init; }

    /// <summary>The funnel over the period of the same length just before, when asked for.</summary>
    public FunnelComparison? Previous { get; init; }
}

/// <summary>A dimension's values, each with its funnel; the empty value is visitors without one.</summary>
public sealed record FunnelBreakdown(string Dimension, IReadOnlyList<FunnelBreakdownRow> Rows);

/// <summary>One value's visitors who entered, and each step's visitors and conversion from the start.</summary>
public sealed record FunnelBreakdownRow(string Value, long Entered, IReadOnlyList<long> Visitors, IReadOnlyList<double> ConversionFromStart);

/// <summary>The comparison period, its entered visitors and each step's visitors.</summary>
public sealed record FunnelComparison(DateTimeOffset From, DateTimeOffset To, long Entered, IReadOnlyList<long> Visitors);

/// <summary>
/// One step: the visitors who reached it; their share of those who started the funnel and of those who
/// reached the previous step; how many of its visitors did not reach the next step, and that share; and
/// the median time from the previous step (null for the first step, or when no visitor's first pass got here).
/// </summary>
public sealed record FunnelStepRow(
    int Number, string Name, long Visitors, double ConversionFromStart, double ConversionFromPrevious,
    long DropOff, double DropOffRate, TimeSpan? MedianTimeFromPrevious);
