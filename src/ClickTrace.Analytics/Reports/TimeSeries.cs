namespace ClickTrace.Analytics.Reports;

/// <summary>One point of a time series: the bucket's start (an instant) and its values.</summary>
public sealed record SeriesPoint(DateTimeOffset Start, long Visitors, long Pageviews);

/// <summary>Back-fills the buckets ClickHouse returned no rows for, so charts show zeros instead of gaps.</summary>
public static class TimeSeries
{
    /// <summary>Every bucket start of <paramref name="period"/>, in its time zone's hours or days.</summary>
    public static IReadOnlyList<DateTimeOffset> Buckets(ReportPeriod period)
    {
        var zone = period.TimeZone;
        var local = TimeZoneInfo.ConvertTime(period.From, zone).DateTime;
        local = period.Interval == Interval.Day ? local.Date : local.Date.AddHours(local.Hour);
        var buckets = new List<DateTimeOffset>();
        for (var guard = 0; guard < 100_000; guard++, local = period.Interval == Interval.Day ? local.AddDays(1) : local.AddHours(1))
        {
            if (zone.IsInvalidTime(local)) continue;
            var start = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
            if (start >= period.To) break;
            if (buckets.Count == 0 || start > buckets[^1]) buckets.Add(start);
        }
        return buckets;
    }

    public static IReadOnlyList<SeriesPoint> Fill(ReportPeriod period, IEnumerable<SeriesPoint> rows)
    {
        var byStart = rows.GroupBy(r => r.Start).ToDictionary(g => g.Key, g => g.First());
        return Buckets(period).Select(start => byStart.GetValueOrDefault(start) ?? new SeriesPoint(start, 0, 0)).ToList();
    }
}
