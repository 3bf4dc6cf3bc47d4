using ClickTrace.Storage;

namespace ClickTrace.Analytics.Reports;

/// <summary>
/// How a report reads the quarter-hour rollups (migration 7): the whole quarter hours of its period from a
/// rollup table (<see cref="Rollup"/>), its ragged ends from <c>events</c> (<see cref="Ends"/>), both as
/// states of the same aggregates merged in one pass, so the numbers equal those of the events alone.
/// </summary>
public static class QuarterHours
{
    public static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);

    /// <summary>The rollup rows of the whole quarters: the site, bucket in [inner_from, inner_to).</summary>
    public const string Rollup =
        "site_id = {site:String} AND bucket >= {inner_from:DateTime64(3, 'UTC')} AND bucket < {inner_to:DateTime64(3, 'UTC')}";

    private static readonly PeriodEnds Parts = new("inner_from", "inner_to", "head", "tail");

    /// <summary>The events of the ragged ends, [from, inner_from) and [inner_to, to) (<see cref="PeriodEnds"/>).</summary>
    public static readonly string Ends = Parts.Sql;

    /// <summary>
    /// Binds the whole quarter hours inside the period, [inner_from, inner_to); an empty span at the start
    /// when the period holds none (the ends then cover all of it).
    /// </summary>
    public static QueryParameters WithQuarters(this QueryParameters parameters, ReportPeriod period) => Parts.Bind(parameters, period, Quarter);

    /// <summary>The first and last whole quarter-hour boundaries in [from, to), or (from, from) when none fit.</summary>
    public static (DateTimeOffset First, DateTimeOffset Last) Quarters(DateTimeOffset from, DateTimeOffset to) => Whole(from, to, Quarter);

    /// <summary>The first and last boundaries of whole UTC <paramref name="units"/> in [from, to), or (from, from) when none fit.</summary>
    public static (DateTimeOffset First, DateTimeOffset Last) Whole(DateTimeOffset from, DateTimeOffset to, TimeSpan units)
    {
        var ticks = units.Ticks;
        var first = new DateTimeOffset((from.UtcTicks + ticks - 1) / ticks * ticks, TimeSpan.Zero);
        var last = new DateTimeOffset(to.UtcTicks / ticks * ticks, TimeSpan.Zero);
        return first < last ? (first, last) : (from, from);
    }
}
