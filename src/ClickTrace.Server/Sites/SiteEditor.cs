using ClickTrace.Analytics.Reports;
using ClickTrace.Collector;
using ClickTrace.Collector.Sites;
using ClickTrace.Core.Sites;
using ClickTrace.Storage;
using ClickTrace.Storage.Sites;
using Microsoft.Extensions.Options;

namespace ClickTrace.Server.Sites;

public static class SiteEditing
{
    /// <summary>The sites cache the collector reads and the one editor that the sites API and page save through.</summary>
    public static IServiceCollection AddSiteEditing(this IServiceCollection services)
    {
        services.AddSiteRegistry();
        services.AddSingleton<SiteEditor>();
        return services;
    }
}

/// <summary>The editable fields of a site.</summary>
/// <param name="RetentionDays">Days the site's events are kept, 1 to the server's Storage:RetentionDays; null: as long as the server keeps them.</param>
public sealed record SiteInput(string? Name, IReadOnlyList<string>? AllowedOrigins, string? TimeZone, int? RetentionDays = null);

/// <summary>Creates or updates a site after checking each field; the API and the dashboard's sites page both save through it.</summary>
public sealed class SiteEditor(ISiteStore sites, SiteRegistry registry, IOptions<StorageOptions> storage)
{
    /// <summary>The saved site, or the problems per field (and nothing saved).</summary>
    public async Task<(Site? Saved, Dictionary<string, string[]> Errors)> SaveAsync(string siteId, SiteInput input, CancellationToken cancellationToken)
    {
        var errors = Check(siteId, input, storage.Value.RetentionDays);
        if (errors.Count > 0) return (null, errors);
        var existing = await sites.FindAsync(siteId, cancellationToken);
        var site = new Site
        {
            Id = siteId,
            Name = input.Name!.Trim(),
            AllowedOrigins = (input.AllowedOrigins ?? []).Select(o => o.TrimEnd('/')).ToList(),
            TimeZone = input.TimeZone ?? "UTC",
            RetentionDays = input.RetentionDays,
            CreatedAt = existing?.CreatedAt ?? default,
        };
        await sites.SaveAsync(site, cancellationToken);
        registry.Invalidate();
        return (await sites.FindAsync(siteId, cancellationToken) ?? site, errors);
    }

    /// <param name="serverRetentionDays">The server's Storage:RetentionDays, the longest a site may keep its events.</param>
    public static Dictionary<string, string[]> Check(string siteId, SiteInput input, int serverRetentionDays)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Site.IsValidId(siteId)) errors["siteId"] = ["A site key is 1-64 letters, digits, '-', '_' or '.'."];
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 200) errors["name"] = ["A name of 1-200 characters is required."];
        var origins = input.AllowedOrigins ?? [];
        if (origins.Count > 100 || origins.Any(o => !IsOrigin(o))) errors["allowedOrigins"] = ["Up to 100 origins like https://shop.example (scheme, host, optional port)."];
        if (!ReportPeriod.TryFindZone(input.TimeZone ?? "UTC", out _)) errors["timeZone"] = [$"Unknown time zone '{input.TimeZone}'; use an IANA name."];
        if (input.RetentionDays is { } days && (days < 1 || days > serverRetentionDays))
            errors["retentionDays"] = [$"A site keeps its events 1 to {serverRetentionDays} days (the server's Storage:RetentionDays); leave it empty to keep them as long as the server does."];
        return errors;
    }

    private static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.PathAndQuery == "/" && origin.Length <= 200;
}
