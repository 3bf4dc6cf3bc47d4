using ClickTrace.Core.Sites;
using ClickTrace.Server.Sites;
using ClickTrace.Storage.Sites;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClickTrace.Server.Api;

/// <summary>/api/sites: list, read and create or update the tracked sites.</summary>
public static class SitesApi
{
    public static IEndpointRouteBuilder MapSitesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sites").RequireAuthorization(ClickTrace.Server.Auth.ApiKeys.ReadPolicy).WithTags("Sites");
        group.MapGet("", ListAsync).WithName("ListSites");
        group.MapGet("/{siteId}", GetAsync).WithName("GetSite");
        group.MapPut("/{siteId}", PutAsync).WithName("PutSite");
        return app;
    }

    internal static async Task<Ok<IReadOnlyList<Site>>> ListAsync(ISiteStore sites, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sites.ListAsync(cancellationToken));

    internal static async Task<Results<Ok<Site>, ProblemHttpResult>> GetAsync(string siteId, ISiteStore sites, CancellationToken cancellationToken) =>
        Site.IsValidId(siteId) && await sites.FindAsync(siteId, cancellationToken) is { } site
            ? TypedResults.Ok(site)
            : Problems.UnknownSite(siteId);

    internal static async Task<Results<Ok<Site>, ValidationProblem>> PutAsync(
        string siteId, SiteInput input, SiteEditor editor, CancellationToken cancellationToken)
    {
        var (saved, errors) = await editor.SaveAsync(siteId, input, cancellationToken);
        return saved is null ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(saved);
    }
}
