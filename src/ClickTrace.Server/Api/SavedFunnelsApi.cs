using ClickTrace.Analytics.Funnels;
using ClickTrace.Core.Sites;
using ClickTrace.Storage.Sites;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ClickTrace.Server.Api;

/// <summary>/api/sites/{siteId}/funnels/{funnelId}: funnels saved under a name, and their report over any period.</summary>
public static class SavedFunnelsApi
{
    public static IEndpointRouteBuilder MapSavedFunnelsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sites/{siteId}/funnels").RequireAuthorization(ClickTrace.Server.Auth.ApiKeys.ReadPolicy).WithTags("Saved funnels");
        group.MapGet("", ListAsync).WithName("ListFunnels");
        group.MapGet("/{funnelId}", GetAsync).WithName("GetFunnel");
        group.MapPut("/{funnelId}", PutAsync).WithName("PutFunnel").WithSummary("Saves a funnel under an id (1-64 letters, digits, '-', '_' or '.').");
        group.MapDelete("/{funnelId}", DeleteAsync).WithName("DeleteFunnel");
        group.MapGet("/{funnelId}/report", ReportAsync).WithName("SavedFunnelReport").WithSummary("The saved funnel's report over the period and filters.");
        return app;
    }

    /// <summary>A funnel to save: its name and definition (as the funnel report takes it).</summary>
    public sealed record SavedFunnelInput(string? Name, IReadOnlyList<FunnelStep>? Steps, long WindowSeconds, FunnelOrder Order = FunnelOrder.Ordered)
    {
        public ReportsApi.FunnelRequest Definition => new(Steps, WindowSeconds, Order);
    }

    internal static async Task<Results<Ok<IReadOnlyList<SavedFunnel>>, ProblemHttpResult>> ListAsync(
        string siteId, ISiteStore sites, SavedFunnelStore funnels, CancellationToken cancellationToken)
    {
        if (await KnownSiteAsync(siteId, sites, cancellationToken) is { } unknown)
            return unknown;
        return TypedResults.Ok(await funnels.ListAsync(siteId, cancellationToken));
    }

    internal static async Task<Results<Ok<SavedFunnel>, ProblemHttpResult>> GetAsync(
        string siteId, string funnelId, ISiteStore sites, SavedFunnelStore funnels, CancellationToken cancellationToken)
    {
        if (await KnownSiteAsync(siteId, sites, cancellationToken) is { } unknown)
            return unknown;
        return await FindAsync(siteId, funnelId, funnels, cancellationToken) is { } funnel ? TypedResults.Ok(funnel) : UnknownFunnel(funnelId);
    }

    internal static async Task<Results<Ok<SavedFunnel>, ProblemHttpResult>> PutAsync(
        string siteId, string funnelId, SavedFunnelInput input, ISiteStore sites, SavedFunnelStore funnels, CancellationToken cancellationToken)
    {
        if (await KnownSiteAsync(siteId, sites, cancellationToken) is { } unknown)
            return unknown;
        if (!SavedFunnelStore.IsValidId(funnelId))
            return Problems.BadQuery("A funnel id is 1-64 letters, digits, '-', '_' or '.'.");
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > SavedFunnelStore.MaxNameLength)
            return Problems.BadQuery($"A funnel needs a name of 1-{SavedFunnelStore.MaxNameLength} characters.");
        var definition = input.Definition.ToDefinition();
        if (Problems.InvalidFunnel(definition) is { } invalid)
            return invalid;
        if ((await funnels.ListAsync(siteId, cancellationToken)).Count >= SavedFunnelStore.MaxPerSite && await funnels.FindAsync(siteId, funnelId, cancellationToken) is null)
            return Problems.BadQuery($"A site keeps at most {SavedFunnelStore.MaxPerSite} funnels; delete one first.");
        return TypedResults.Ok(await funnels.SaveAsync(siteId, funnelId, input.Name.Trim(), definition, cancellationToken));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string siteId, string funnelId, ISiteStore sites, SavedFunnelStore funnels, CancellationToken cancellationToken)
    {
        if (await KnownSiteAsync(siteId, sites, cancellationToken) is { } unknown)
            return unknown;
        return SavedFunnelStore.IsValidId(funnelId) && await funnels.DeleteAsync(siteId, funnelId, cancellationToken) ? TypedResults.NoContent() : UnknownFunnel(funnelId);
    }

    internal static async Task<Results<Ok<FunnelReport>, ProblemHttpResult>> ReportAsync(
        string siteId, string funnelId, [AsParameters] ReportsApi.PeriodQuery period, [AsParameters] ReportsApi.FunnelOptions options,
        ISiteStore sites, SavedFunnelStore funnels, FunnelService service, TimeProvider time, CancellationToken cancellationToken)
    {
        var (query, problem) = await ReportsApi.ResolveAsync(siteId, period, sites, time, cancellationToken);
        if ((problem ?? options.Problem()) is { } bad)
            return bad;
        return await FindAsync(siteId, funnelId, funnels, cancellationToken) is { } funnel
            ? TypedResults.Ok(await service.GetAsync(query!, funnel.Definition, options.Breakdown, options.Compare == "previous", cancellationToken))
            : UnknownFunnel(funnelId);
    }

    private static async Task<SavedFunnel?> FindAsync(string siteId, string funnelId, SavedFunnelStore funnels, CancellationToken cancellationToken) =>
        SavedFunnelStore.IsValidId(funnelId) ? await funnels.FindAsync(siteId, funnelId, cancellationToken) : null;

    private static async Task<ProblemHttpResult?> KnownSiteAsync(string siteId, ISiteStore sites, CancellationToken cancellationToken) =>
        Site.IsValidId(siteId) && await sites.FindAsync(siteId, cancellationToken) is not null ? null : Problems.UnknownSite(siteId);

    private static ProblemHttpResult UnknownFunnel(string funnelId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown funnel", detail: $"The site has no funnel '{funnelId}'.");
}
