using System.Globalization;

namespace ClickTrace.Analytics.Reports;

/// <summary>
/// The time range of a report: [<see cref="From"/>, <see cref="To"/>) as instants, the time zone that
/// days and hours are counted in, and the series interval (hours up to two days, days beyond).
/// </summary>
public sealed record ReportPeriod(DateTimeOffset From, DateTimeOffset To, TimeZoneInfo TimeZone, Interval Interval)
{
    public static readonly IReadOnlyList<string> Presets = ["today", "24h", "7d", "30d", "90d", "custom"];

    /// <summary>
    /// Resolves a preset (today, 24h, 7d, 30d, 90d) or a custom range (from/to as yyyy-MM-dd, inclusive days)
    /// in time zone <paramref name="timeZone"/>. Returns null and an error message for bad input.
    /// </summary>
    public static ReportPeriod? TryResolve(string? period, string? from, string? to, string? timeZone, DateTimeOffset now, out string? error)
    {
        error = null;
        if (!TryFindZone(timeZone ?? "UTC", out var zone))
        {
            error = $"Unknown time zone '{timeZone}'; use an IANA name such as Europe/Berlin.";
            return null;
        }
        var today = StartOfDay(now, zone);
        switch (period ?? (from is null && to is null ? "7d" : "custom"))
        {
            case "today": return Make(today, now, zone);
            case "24h": return Make(now.AddHours(-24), now, zone);
            case "7d": return Make(AddDays(today, -6, zone), now, zone);
            case "30d": return Make(AddDays(today, -29, zone), now, zone);
            case "90d": return Make(AddDays(today, -89, zone), now, zone);
            case "custom":
                if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) ||
                    !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last))
                {
                    error = "A custom period needs 'from' and 'to' as yyyy-MM-dd.";
                    return null;
                }
                if (last < first || last.DayNumber - first.DayNumber > 3660)
                {
                    error = "'to' must be on or after 'from', and the range at most ten years.";
                    return null;
                }
                return Make(LocalMidnight(first, zone), LocalMidnight(last.AddDays(1), zone), zone);
            default:
                error = $"Unknown period '{period}'; use one of {string.Join(", ", Presets)}.";
                return null;
        }
    }

    /// <summary>The period of the same length that ends where this one starts (the comparison period).</summary>
    public ReportPeriod Previous() => this with { From = From - (To - From), To = From };

    private static ReportPeriod Make(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone) =>
        new(from, to, zone, to - from <= TimeSpan.FromDays(2) ? Interval.Hour : Interval.Day);

    public static bool TryFindZone(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }

    private static DateTimeOffset StartOfDay(DateTimeOffset now, TimeZoneInfo zone) =>
        LocalMidnight(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime), zone);

    private static DateTimeOffset AddDays(DateTimeOffset midnight, int days, TimeZoneInfo zone) =>
        LocalMidnight(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(midnight, zone).DateTime).AddDays(days), zone);

    /// <summary>The instant a local calendar day starts (after a DST gap when midnight does not exist).</summary>
    public static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
