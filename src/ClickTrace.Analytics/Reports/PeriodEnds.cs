using ClickTrace.Storage;

namespace ClickTrace.Analytics.Reports;

/// <summary>
/// The two ragged ends of a period that a rollup of whole units (<see cref="QuarterHours"/>, <see cref="WholeDays"/>)
/// does not hold, [from, first) and [last, to), read from <c>events</c>: each end with its own day bounds, which let
/// the engine skip the other days' granules (as in ReportQuery), and switched off by a bound constant when it is
/// empty, so that an aligned period reads no events at all. One shape, named apart per rollup, because a report
/// binds the quarter hours and the days in one parameter set.
/// </summary>
internal sealed record PeriodEnds(string First, string Last, string Head, string Tail)
{
    /// <summary>The condition on <c>events</c> for the site and both ends.</summary>
    public string Sql =>
        "site_id = {site:String} AND (" +
        $"{{{Head}:UInt8}} AND toDate(timestamp) >= toDate({{from:DateTime64(3, 'UTC')}}) AND toDate(timestamp) <= toDate({{{First}:DateTime64(3, 'UTC')}})" +
        $" AND timestamp >= {{from:DateTime64(3, 'UTC')}} AND timestamp < {{{First}:DateTime64(3, 'UTC')}}" +
        $" OR {{{Tail}:UInt8}} AND toDate(timestamp) >= toDate({{{Last}:DateTime64(3, 'UTC')}}) AND toDate(timestamp) <= toDate({{to:DateTime64(3, 'UTC')}})" +
        $" AND timestamp >= {{{Last}:DateTime64(3, 'UTC')}} AND timestamp < {{to:DateTime64(3, 'UTC')}})";

    /// <summary>Binds the whole <paramref name="units"/> inside the period, [first, last); an empty span at the start when none fits.</summary>
    public QueryParameters Bind(QueryParameters parameters, ReportPeriod period, TimeSpan units)
    {
        var (first, last) = QuarterHours.Whole(period.From, period.To, units);
        return parameters.Add(First, first).Add(Last, last)
            .Add(Head, first > period.From ? 1 : 0).Add(Tail, period.To > last ? 1 : 0);
    }
}
