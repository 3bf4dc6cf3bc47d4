namespace ClickTrace.Analytics.Funnels;

/// <summary>A funnel over a period: its steps in order, and how many visitors entered it.</summary>
public sealed record FunnelReport(
    string SiteId, DateTimeOffset From, DateTimeOffset To, FunnelOrder Order, TimeSpan Window, long Entered, IReadOnlyList<FunnelStepRow> Steps);

/// <summary>
/// One step: the visitors who reached it; their share of those who started the funnel and of those who
/// reached the previous step; how many of its visitors did not reach the next step, and that share; and
/// the median time from the previous step (null for the first step, or when no visitor's first pass got here).
/// </summary>
public sealed record FunnelStepRow(
    int Number, string Name, long Visitors, double ConversionFromStart, double ConversionFromPrevious,
    long DropOff, double DropOffRate, TimeSpan? MedianTimeFromPrevious);
