namespace ClickTrace.Server.Components.Shared;

/// <summary>The period buttons of the report pages (keys as the HTTP API takes them).</summary>
public static class ReportPeriods
{
    public const string Default = "7d";

    public static readonly (string Key, string Label)[] Choices =
        [("today", "Today"), ("24h", "24 hours"), ("7d", "7 days"), ("30d", "30 days"), ("90d", "90 days")];

    /// <summary>The key given if it is one of <see cref="Choices"/>, else <see cref="Default"/>.</summary>
    public static string Resolve(string? key) => key is not null && Choices.Any(c => c.Key == key) ? key : Default;
}
