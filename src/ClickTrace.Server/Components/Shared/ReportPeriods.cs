namespace ClickTrace.Server.Components.Shared;

/// <summary>The period buttons of the report pages (keys as the HTTP API takes them).</summary>
public static class ReportPeriods
{
    public const string Default = "7d";

    /// <summary>A range of whole days in the site's time zone, given as ?from=yyyy-MM-dd&amp;to=yyyy-MM-dd.</summary>
    public const string Custom = "custom";

    public static readonly (string Key, string Label)[] Choices =
        [("today", "Today"), ("24h", "24 hours"), ("7d", "7 days"), ("30d", "30 days"), ("90d", "90 days")];

    /// <summary>The key given if it is one of <see cref="Choices"/> or <see cref="Custom"/>, else <see cref="Default"/>.</summary>
    public static string Resolve(string? key) => key is not null && (key == Custom || Choices.Any(c => c.Key == key)) ? key : Default;
}
