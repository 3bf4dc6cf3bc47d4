using ClickTrace.Storage;

namespace ClickTrace.Analytics.Reports;

/// <summary>
/// How a report reads the day rollups (migration 15): the whole UTC days of its period from a rollup table
/// (<see cref="Rollup"/>), the rest of the period, at most a day at either end, from <c>events</c>
/// (<see cref="Ends"/>), as states of the same aggregates merged in one pass. A local day is not a UTC day,
/// so in most zones a month's report reads one day of events; a period shorter than a day reads events only.
/// </summary>
public static class WholeDays
{
    public static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>The rollup rows of the whole days [day_from, day_to): a row's <c>until</c> is the end of its day.</summary>
    public const string Rollup =
        "site_id = {site:String} AND until > {day_from:DateTime64(3, 'UTC')} AND until <= {day_to:DateTime64(3, 'UTC')}";

    private static readonly PeriodEnds Parts = new("day_from", "day_to", "day_head", "day_tail");

    /// <summary>The events of [from, day_from) and [day_to, to) (<see cref="PeriodEnds"/>).</summary>
    public static readonly string Ends = Parts.Sql;

    /// <summary>Binds the whole UTC days inside the period, [day_from, day_to); an empty span at the start when none fits.</summary>
    public static QueryParameters WithDays(this QueryParameters parameters, ReportPeriod period) => Parts.Bind(parameters, period, Day);
}
