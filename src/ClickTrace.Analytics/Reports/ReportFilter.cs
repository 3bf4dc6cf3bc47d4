namespace ClickTrace.Analytics.Reports;

/// <summary>
/// A filter every report takes: only the sessions with an event of this dimension and value. Written
/// <c>dimension:value</c> (<c>device:mobile</c>, <c>campaign:winter-sale</c>, <c>prop.plan:pro</c>,
/// <c>page:/product/*</c>).
/// </summary>
public sealed record ReportFilter(string Dimension, string Value)
{
    public const int MaxFilters = 10;
    public const int MaxValueLength = 512;
    public const string PropertyPrefix = "prop.";

    /// <summary>
    /// The dimensions and the column each one matches; <c>page</c> matches page views of the path (with * wildcards).
    /// <c>source</c> is the UTM source, else the referrer's host, as the overview's sources are counted;
    /// <c>country</c> is the two-letter code the collector found for the visitor's IP.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Dimensions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["page"] = "path",
        ["source"] = "if(utm_source != '', utm_source, referrer_host)",
        ["referrer"] = "referrer_host",
        ["channel"] = "referrer_class",
        ["medium"] = "utm_medium",
        ["campaign"] = "utm_campaign",
        ["content"] = "utm_content",
        ["device"] = "device",
        ["browser"] = "browser",
        ["os"] = "os",
        ["country"] = "country",
    };

    /// <summary>Reads <c>dimension:value</c>; null and a message naming what is wrong otherwise.</summary>
    public static ReportFilter? TryParse(string? text, out string? error)
    {
        error = null;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0)
        {
            error = $"A filter is dimension:value, e.g. device:mobile; '{text}' is not.";
            return null;
        }
        var dimension = text![..colon];
        var value = text[(colon + 1)..];
        if (dimension == "country")
        {
            value = value.ToUpperInvariant();
            if (value.Length != 2 || !value.All(char.IsAsciiLetterUpper))
                error = $"A country filter is a two-letter ISO 3166 code, e.g. country:DE; '{text[(colon + 1)..]}' is not.";
        }
        else if (!Dimensions.ContainsKey(dimension) && !(dimension.StartsWith(PropertyPrefix, StringComparison.Ordinal) && dimension.Length is > 5 and <= 69))
            error = $"Unknown filter dimension '{dimension}'; use one of {string.Join(", ", Dimensions.Keys)} or prop.NAME.";
        else if (value.Length is 0 or > MaxValueLength)
            error = $"The '{dimension}' filter needs a value of 1 to {MaxValueLength} characters.";
        else if (dimension == "page" && !value.StartsWith('/') && value[0] != '*')
            error = "A page filter is a path starting with '/' (use * as a wildcard).";
        return error is null ? new ReportFilter(dimension, value) : null;
    }
}
