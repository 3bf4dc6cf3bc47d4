using ClickTrace.Analytics.Reports;
using ClickTrace.Collector.Sites;
using ClickTrace.Core.Sites;
using ClickTrace.Storage.Sites;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClickTrace.Server.Api;

/// <summary>/api/sites: list, read and create or update the tracked sites.</summary>
public static class SitesApi
{
    public static IEndpointRouteBuilder MapSitesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sites").WithTags("Sites");
        group.MapGet("", ListAsync).WithName("ListSites");
        group.MapGet("/{siteId}", GetAsync).WithName("GetSite");
        group.MapPut("/{siteId}", PutAsync).WithName("PutSite");
        return app;
    }

    /// <summary>The editable fields of a site.</summary>
    public sealed record SiteInput(string? Name, IReadOnlyList<string>? AllowedOrigins, string? TimeZone);

    internal static async Task<Ok<IReadOnlyList<Site>>> ListAsync(ISiteStore sites, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sites.ListAsync(cancellationToken));

    internal static async Task<Results<Ok<Site>, ProblemHttpResult>> GetAsync(string siteId, ISiteStore sites, CancellationToken cancellationToken) =>
        Site.IsValidId(siteId) && await sites.FindAsync(siteId, cancellationToken) is { } site
            ? TypedResults.Ok(site)
            : Problems.UnknownSite(siteId);

    internal static async Task<Results<Ok<Site>, ValidationProblem>> PutAsync(
        string siteId, SiteInput input, ISiteStore sites, SiteRegistry registry, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Site.IsValidId(siteId)) errors["siteId"] = ["A site key is 1-64 letters, digits, '-', '_' or '.'."];
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 200) errors["name"] = ["A name of 1-200 characters is required."];
        var origins = input.AllowedOrigins ?? [];
        if (origins.Count > 100 || origins.Any(o => !IsOrigin(o))) errors["allowedOrigins"] = ["Up to 100 origins like https://shop.example (scheme, host, optional port)."];
        if (!ReportPeriod.TryFindZone(input.TimeZone ?? "UTC", out _)) errors["timeZone"] = [$"Unknown time zone '{input.TimeZone}'; use an IANA name."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var existing = await sites.FindAsync(siteId, cancellationToken);
        var site = new Site
        {
            Id = siteId,
            Name = input.Name!.Trim(),
            AllowedOrigins = origins.Select(o => o.TrimEnd('/')).ToList(),
            TimeZone = input.TimeZone ?? "UTC",
            CreatedAt = existing?.CreatedAt ?? default,
        };
        await sites.SaveAsync(site, cancellationToken);
        registry.Invalidate();
        return TypedResults.Ok(await sites.FindAsync(siteId, cancellationToken) ?? site);
    }

    private static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.PathAndQuery == "/" && origin.Length <= 200;
}
