namespace ClickTrace.Analytics.Reports;

/// <summary>The width of one point of a time series.</summary>
public enum Interval
{
    Hour,
    Day,
}
