using ClickTrace.Analytics.Reports;

namespace ClickTrace.Server.Components.Shared;

/// <summary>The dashboard's filters in the URL: <c>?filter=dimension:value</c>, repeated, as the HTTP API takes them.</summary>
public static class ReportFilters
{
    /// <summary>The filters, or the first problem with them (a URL is anyone's to edit).</summary>
    public static (IReadOnlyList<ReportFilter> Filters, string? Error) Parse(IEnumerable<string>? texts)
    {
        var filters = new List<ReportFilter>();
        foreach (var text in texts ?? [])
        {
            if (filters.Count == ReportFilter.MaxFilters) return (filters, $"At most {ReportFilter.MaxFilters} filters.");
            if (ReportFilter.TryParse(text, out var error) is not { } filter) return (filters, error);
            if (!filters.Contains(filter)) filters.Add(filter);
        }
        return (filters, null);
    }

    public static string Text(ReportFilter filter) => $"{filter.Dimension}:{filter.Value}";

    /// <summary>The URL form of <paramref name="filters"/> with <paramref name="added"/> and without <paramref name="removed"/>.</summary>
    public static string[] With(IReadOnlyList<ReportFilter> filters, ReportFilter? added = null, ReportFilter? removed = null) =>
        filters.Where(f => f != removed).Append(added).OfType<ReportFilter>().Distinct().Take(ReportFilter.MaxFilters).Select(Text).ToArray();
}
