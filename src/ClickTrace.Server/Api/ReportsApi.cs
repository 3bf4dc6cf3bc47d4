using ClickTrace.Analytics.Overview;
using ClickTrace.Analytics.Reports;
using ClickTrace.Core.Sites;
using ClickTrace.Storage.Sites;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ClickTrace.Server.Api;

/// <summary>/api/sites/{siteId}/...: the read endpoints of the reports.</summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sites/{siteId}").WithTags("Reports");
        group.MapGet("/overview", OverviewAsync)
            .WithName("Overview")
            .WithSummary("Visitors, sessions, page views, clicks, their time series, top pages and most clicked elements.");
        return app;
    }

    internal static async Task<Results<Ok<OverviewReport>, ProblemHttpResult>> OverviewAsync(
        string siteId, [AsParameters] PeriodQuery period, int? limit,
        ISiteStore sites, OverviewService overview, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Site.IsValidId(siteId) || await sites.FindAsync(siteId, cancellationToken) is not { } site)
            return Problems.UnknownSite(siteId);
        if (limit is < 1 or > 1000)
            return Problems.BadQuery("'limit' must be between 1 and 1000.");
        var resolved = ReportPeriod.TryResolve(period.Period, period.From, period.To, period.Tz ?? site.TimeZone, time.GetUtcNow(), out var error);
        if (resolved is null)
            return Problems.BadQuery(error!);
        return TypedResults.Ok(await overview.GetAsync(new ReportQuery(site.Id, resolved), limit ?? OverviewService.DefaultLimit, cancellationToken));
    }

    /// <summary>The period every report takes: a preset (today, 24h, 7d, 30d, 90d) or from/to dates, and a time zone.</summary>
    public sealed record PeriodQuery(string? Period, string? From, string? To, string? Tz);
}
