using System.Globalization;
using ClickTrace.Analytics.Overview;
using ClickTrace.Analytics.Reports;

namespace ClickTrace.Server.Components.Pages;

/// <summary>ApexCharts options for the overview's time series: labels in the report's time zone.</summary>
public static class OverviewChart
{
    public static object Options(OverviewReport report)
    {
        var zone = ReportPeriod.TryFindZone(report.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
        var format = LabelFormat(report, zone);
        return new
        {
            chart = new { type = "area", height = 280, toolbar = new { show = false }, animations = new { enabled = false }, fontFamily = "inherit" },
            series = new object[]
            {
                new { name = "Visitors", data = report.Series.Select(p => p.Visitors).ToArray() },
                new { name = "Page views", data = report.Series.Select(p => p.Pageviews).ToArray() },
            },
            xaxis = new
            {
                categories = report.Series.Select(p => TimeZoneInfo.ConvertTime(p.Start, zone).ToString(format, CultureInfo.InvariantCulture)).ToArray(),
                tickAmount = 12,
                labels = new { rotate = 0, hideOverlappingLabels = true },
            },
            yaxis = new { min = 0, forceNiceScale = true, labels = new { } },
            dataLabels = new { enabled = false },
            stroke = new { curve = "smooth", width = 2 },
            colors = new[] { "#2563eb", "#10b981" },
            legend = new { position = "top", horizontalAlign = "left" },
            responsive = new[] { new { breakpoint = 640, options = new { xaxis = new { tickAmount = 4 } } } },
        };
    }

    /// <summary>Hours within one local day need no date; longer hourly ranges do; days need no time.</summary>
    public static string LabelFormat(OverviewReport report, TimeZoneInfo zone)
    {
        if (report.Interval == Interval.Day) return "MMM d";
        var first = TimeZoneInfo.ConvertTime(report.From, zone).Date;
        var last = TimeZoneInfo.ConvertTime(report.To.AddTicks(-1), zone).Date;
        return first == last ? "HH:mm" : "MMM d HH:mm";
    }
}
