using System.Globalization;

namespace ClickTrace.Server.Components.Shared;

/// <summary>How the pages write a change against the previous period.</summary>
public static class Change
{
    /// <summary>"▲ 12 %", "▼ 5 %", "= 0 %"; "new" when there was nothing before; "—" when there is nothing either time.</summary>
    public static string Of(long current, long previous)
    {
        if (previous == 0) return current == 0 ? "—" : "new";
        var change = (double)(current - previous) / previous;
        var size = Math.Abs(change * 100).ToString(Math.Abs(change) < 0.01 && change != 0 ? "0.0" : "0", CultureInfo.InvariantCulture);
        return (current > previous ? "▲ " : current < previous ? "▼ " : "= ") + size + " %";
    }

    /// <summary>A rate's change in percentage points: "+3.2 pts", "−1.0 pts", "±0 pts".</summary>
    public static string Points(double current, double previous)
    {
        var points = Math.Round((current - previous) * 100, 1);
        return points == 0 ? "±0 pts" : (points > 0 ? "+" : "−") + Math.Abs(points).ToString("0.0", CultureInfo.InvariantCulture) + " pts";
    }

    /// <summary>The CSS class of a change: up, down or none (for its colour; the arrow says it without colour too).</summary>
    public static string? Direction(long current, long previous) =>
        current > previous ? "up" : current < previous ? "down" : null;
}
