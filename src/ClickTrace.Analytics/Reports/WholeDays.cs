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

    /// <summary>The events of [from, day_from) and [day_to, to), each switched off by a constant when it is empty.</summary>
    public const string Ends =
        "site_id = {site:String} AND (" +
        "{day_head:UInt8} AND toDate(timestamp) >= toDate({from:DateTime64(3, 'UTC')}) AND toDate(timestamp) <= toDate({day_from:DateTime64(3, 'UTC')})" +
        " AND timestamp >= {from:DateTime64(3, 'UTC')} AND timestamp < {day_from:DateTime64(3, 'UTC')}" +
        " OR {day_tail:UInt8} AND toDate(timestamp) >= toDate({day_to:DateTime64(3, 'UTC')}) AND toDate(timestamp) <= toDate({to:DateTime64(3, 'UTC')})" +
        " AND timestamp >= {day_to:DateTime64(3, 'UTC')} AND timestamp < {to:DateTime64(3, 'UTC')})";

    /// <summary>Binds the whole UTC days inside the period, [day_from, day_to); an empty span at the start when none fits.</summary>
    public static QueryParameters WithDays(this QueryParameters parameters, ReportPeriod period)
    {
        var (first, last) = QuarterHours.Whole(period.From, period.To, Day);
        return parameters.Add("day_from", first).Add("day_to", last)
            .Add("day_head", first > period.From ? 1 : 0).Add("day_tail", period.To > last ? 1 : 0);
    }
}
