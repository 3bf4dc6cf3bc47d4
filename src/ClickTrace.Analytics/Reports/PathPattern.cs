namespace ClickTrace.Analytics.Reports;

/// <summary>The page paths reports take: exact, or with <c>*</c> as a wildcard (<c>/product/*</c>).</summary>
public static class PathPattern
{
    /// <summary>A path with * wildcards as a LIKE pattern: LIKE's own wildcards and its escape are taken literally.</summary>
    public static string Like(string path) =>
        path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal).Replace('*', '%');
}
