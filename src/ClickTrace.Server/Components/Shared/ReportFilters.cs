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

    /// <summary>The dimensions the filter form offers: each of the HTTP API's, and "prop." for a custom property (value "name:value").</summary>
    public static readonly IReadOnlyList<string> Choices = [.. ReportFilter.Dimensions.Keys, ReportFilter.PropertyPrefix];

    /// <summary>The filter the form describes (for "prop.", the value is "name:value"), or what is wrong with it.</summary>
    public static (ReportFilter? Filter, string? Problem) FromForm(string dimension, string value)
    {
        value = value.Trim();
        if (value.Length == 0) return (null, "Type the value to filter by.");
        var text = dimension == ReportFilter.PropertyPrefix
            ? value.Contains(':', StringComparison.Ordinal) ? ReportFilter.PropertyPrefix + value : null
            : $"{dimension}:{value}";
        if (text is null) return (null, "A property filter is name:value, such as plan:pro.");
        return ReportFilter.TryParse(text, out var error) is { } filter ? (filter, null) : (null, error);
    }

    public static string Text(ReportFilter filter) => $"{filter.Dimension}:{filter.Value}";

    /// <summary>The URL form of <paramref name="filters"/> with <paramref name="added"/> and without <paramref name="removed"/>.</summary>
    public static string[] With(IReadOnlyList<ReportFilter> filters, ReportFilter? added = null, ReportFilter? removed = null) =>
        filters.Where(f => f != removed).Append(added).OfType<ReportFilter>().Distinct().Take(ReportFilter.MaxFilters).Select(Text).ToArray();
}
