namespace ClickTrace.Core.Sites;

/// <summary>A tracked website: its public key (the tag's data-site), where the tag may post from, its time zone, how long its events are kept.</summary>
public sealed record Site
{
    /// <summary>The site key: 1 to 64 letters, digits, '-', '_' or '.'.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>Origins (scheme://host[:port]) allowed to send events; empty allows any origin.</summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>IANA time zone the reports use by default.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>
    /// Days this site's events are kept, at most the server's <c>Storage:RetentionDays</c>; null keeps them as
    /// long as the server does.
    /// </summary>
    public int? RetentionDays { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Whether <paramref name="origin"/> may post events for this site.</summary>
    public bool Allows(string? origin) =>
        AllowedOrigins.Count == 0 ||
        (origin is not null && AllowedOrigins.Any(o => string.Equals(o.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase)));

    public static bool IsValidId(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
