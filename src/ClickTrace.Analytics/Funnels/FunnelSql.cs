using System.Globalization;
using System.Text;
using ClickTrace.Analytics.Reports;
using ClickTrace.Storage;

namespace ClickTrace.Analytics.Funnels;

/// <summary>
/// The funnel's one query. ClickHouse's windowFunnel gives each visitor's level; an arrayFold walks each
/// visitor's first pass (the first start, then the earliest next step within the window) for the times
/// between steps. Step values are bound parameters (s1, s2_1, ...); only step counts and fixed SQL are
/// written into the text.
/// </summary>
internal static class FunnelSql
{
    public static string Build(FunnelDefinition funnel, QueryParameters parameters)
    {
        var n = funnel.Steps.Count;
        var sql = new StringBuilder();
        sql.Append("SELECT count()");
        for (var k = 1; k <= n; k++) sql.Append(CultureInfo.InvariantCulture, $", countIf(level >= {k})");
        for (var k = 2; k <= n; k++)
            sql.Append(CultureInfo.InvariantCulture, $", medianExactIf(times[{k}] - times[{k - 1}], level >= {k} AND length(times) >= {k})");
        for (var k = 2; k <= n; k++) sql.Append(CultureInfo.InvariantCulture, $", countIf(level >= {k} AND length(times) >= {k})");
        sql.Append(CultureInfo.InvariantCulture, $"""

            FROM
            (
                SELECT visitor_id,
                       {Level(funnel, parameters)} AS level,
                       arrayFold((acc, x) -> if(length(acc) = 0 OR {Time("x")} <= acc[1] + {"{window:UInt64}"},
                                                arrayConcat(acc, arrayWithConstant(least({n} - length(acc), {Advance(Mask("x"), "length(acc)")}), {Time("x")})), acc),
                                 arraySort(groupArray({Packed})),
                                 CAST([], 'Array(UInt64)')) AS times
                FROM ({Matches(funnel, parameters)})
                GROUP BY visitor_id
            )
            WHERE level > 0
            """);
        return sql.ToString();
    }

    /// <summary>
    /// The events in the report's range that match any step: visitor_id, ts (ms) and mask (bit i set when
    /// the event matches step i + 1), then <paramref name="columns"/> (", session_id"). The PREWHERE on the
    /// steps' event types (fixed names, not values) drops the other types before their strings are compared.
    /// </summary>
    internal static string Matches(FunnelDefinition funnel, QueryParameters parameters, string columns = "")
    {
        var conditions = funnel.Steps.Select((step, i) => Condition(step, $"s{i + 1}", parameters)).ToList();
        return $"""
            SELECT visitor_id, toUInt64(toUnixTimestamp64Milli(timestamp)) AS ts,
                   {string.Join(" + ", conditions.Select((c, i) => $"bitShiftLeft(toUInt32({c}), {i})"))} AS mask{columns}
            FROM events
            PREWHERE type IN ({string.Join(", ", funnel.Steps.SelectMany(Types).Distinct().Select(t => $"'{t}'"))})
            WHERE {ReportQuery.Where} AND ({string.Join(" OR ", conditions)})
            """;
    }

    /// <summary>A visitor's level, over the rows of <see cref="Matches"/> grouped by visitor: how many steps they reached in order within the window.</summary>
    internal static string Level(FunnelDefinition funnel, QueryParameters parameters)
    {
        parameters.Add("window", (long)funnel.Window.TotalMilliseconds);
        var mode = funnel.Order == FunnelOrder.Strict ? ", 'strict_order'" : "";
        return $"windowFunnel({{window:UInt64}}{mode})(ts, {string.Join(", ", Enumerable.Range(0, funnel.Steps.Count).Select(i => $"bitTest(mask, {i})"))})";
    }

    // A match packed into one number, (ms since the period's start) << 20 | mask: sorted, they are in the order
    // of (time, mask), and one array of numbers costs a fifth less to gather, sort and fold than one of pairs.
    // A bit per step (MaxSteps, 20), and the 44 bits above them hold 557 years of milliseconds. The first pass's
    // times are then from the period's start, which the differences between steps do not see.
    private const int MaskBits = FunnelDefinition.MaxSteps;
    private static readonly string Packed =
        $"bitShiftLeft(toUInt64(ts - toUInt64(toUnixTimestamp64Milli({{from:DateTime64(3, 'UTC')}}))), {MaskBits}) + mask";
    private static string Time(string packed) => $"bitShiftRight({packed}, {MaskBits})";
    private static string Mask(string packed) => $"bitAnd({packed}, {(1 << MaskBits) - 1})";

    /// <summary>
    /// How many steps one event takes the first pass forward: the run of consecutive steps it matches from
    /// the next one on (the trailing ones of the mask shifted by the steps done), as windowFunnel counts an
    /// event for each step it matches.
    /// </summary>
    private static string Advance(string mask, string done) => $"bitCount(bitXor(bitShiftRight({mask}, {done}), bitShiftRight({mask}, {done}) + 1)) - 1";

    /// <summary>The SQL condition of one step, its values bound as <paramref name="name"/> (and name_1, name_2, ... for "any of").</summary>
    internal static string Condition(FunnelStep step, string name, QueryParameters parameters)
    {
        if (step.Kind == FunnelStepKind.AnyOf)
            return "(" + string.Join(" OR ", step.AnyOf!.Select((s, j) => Condition(s, $"{name}_{j + 1}", parameters))) + ")";
        var value = step.Value!;
        var condition = step.Kind switch
        {
            FunnelStepKind.Page => PathPattern.Condition("path", name, value),
            FunnelStepKind.Step or FunnelStepKind.Custom => $"name = {{{name}:String}}",
            FunnelStepKind.ClickSelector => $"selector = {{{name}:String}}",
            FunnelStepKind.ClickText => $"text = {{{name}:String}}",
            _ => throw new ArgumentOutOfRangeException(nameof(step), step.Kind, null),
        };
        parameters.Add(name, step.Kind == FunnelStepKind.Page ? PathPattern.Value(value) : value);
        return $"(type = '{Types(step).Single()}' AND {condition})";
    }

    /// <summary>The event types a step matches (one, or those of its alternatives).</summary>
    internal static IEnumerable<string> Types(FunnelStep step) => step.Kind switch
    {
        FunnelStepKind.AnyOf => step.AnyOf!.SelectMany(Types),
        FunnelStepKind.Page => ["pageview"],
        FunnelStepKind.Step => ["step"],
        FunnelStepKind.ClickSelector or FunnelStepKind.ClickText => ["click"],
        FunnelStepKind.Custom => ["custom"],
        _ => throw new ArgumentOutOfRangeException(nameof(step), step.Kind, null),
    };
}
