namespace ClickTrace.Analytics.Funnels;

/// <summary>Turns the engine's counts into the report's rows: plain arithmetic, unit-tested without a database.</summary>
public static class FunnelShaping
{
    /// <param name="reached">Visitors who reached each step, first step first (non-increasing).</param>
    /// <param name="medianMilliseconds">For each step after the first, the median time from the previous step (null: none).</param>
    public static IReadOnlyList<FunnelStepRow> Rows(IReadOnlyList<FunnelStep> steps, IReadOnlyList<long> reached, IReadOnlyList<double?> medianMilliseconds)
    {
        var rows = new List<FunnelStepRow>(steps.Count);
        var start = reached.Count > 0 ? reached[0] : 0;
        for (var i = 0; i < steps.Count; i++)
        {
            var visitors = reached[i];
            var previous = i == 0 ? visitors : reached[i - 1];
            var next = i + 1 < reached.Count ? reached[i + 1] : visitors;
            var dropOff = i + 1 < steps.Count ? visitors - next : 0;
            rows.Add(new FunnelStepRow(
                i + 1, steps[i].Describe(), visitors,
                Share(visitors, start), Share(visitors, previous),
                dropOff, Share(dropOff, visitors),
                i == 0 || medianMilliseconds[i - 1] is not { } ms ? null : TimeSpan.FromMilliseconds(ms)));
        }
        return rows;
    }

    /// <summary>part / whole, 0 when the whole is 0.</summary>
    public static double Share(long part, long whole) => whole == 0 ? 0 : (double)part / whole;
}
