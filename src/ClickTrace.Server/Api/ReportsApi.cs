using ClickTrace.Analytics.Abandonment;
using ClickTrace.Analytics.Ads;
using ClickTrace.Analytics.Funnels;
using ClickTrace.Analytics.Links;
using ClickTrace.Analytics.Overview;
using ClickTrace.Analytics.Pages;
using ClickTrace.Analytics.Paths;
using ClickTrace.Analytics.Reports;
using ClickTrace.Analytics.Sessions;
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
        var group = app.MapGroup("/api/sites/{siteId}").RequireAuthorization(ClickTrace.Server.Auth.ApiKeys.ReadPolicy).WithTags("Reports");
        group.MapGet("/overview", OverviewAsync)
            .WithName("Overview")
            .WithSummary("Visitors, sessions, page views, clicks, their time series, top pages and most clicked elements.");
        group.MapGet("/links", LinksAsync)
            .WithName("Links")
            .WithSummary("Every link per page with impressions, clicks and click-through rate; never clicked, rarely clicked and broken ones first.");
        group.MapPost("/funnels/report", FunnelAsync)
            .WithName("Funnel")
            .WithSummary("A funnel over the period: per step, visitors, conversion, drop-off and the median time from the previous step.");
        group.MapGet("/ads", AdsAsync)
            .WithName("Ads")
            .WithSummary("Campaign variants and on-site ad placements: visits, conversions with Wilson intervals, revenue, each variant against the control (lift, p-value) and the verdict.");
        group.MapGet("/paths", PathsAsync)
            .WithName("Paths")
            .WithSummary("The paths from a page or into it (Sankey data), how sessions reach it, and the pages visitors back-track from within seconds.");
        group.MapGet("/pages", PageAsync)
            .WithName("Page")
            .WithSummary("One page under the microscope: click heat map cells, scroll depth, elements with their clicks and frustration, form fields, script errors.");
        group.MapGet("/sessions", SessionsAsync)
            .WithName("Sessions")
            .WithSummary("A visitor's (visitor=16 hex digits) or identified customer's (customer=id) sessions, each a time line of its events.");
        group.MapPost("/funnels/abandonment", AbandonmentAsync)
            .WithName("Abandonment")
            .WithSummary("The visitors who reached a funnel step but not the next: where they went, the form field they left at, their rage, dead and error clicks, sample sessions.");
        return app;
    }

    internal static async Task<Results<Ok<OverviewReport>, ProblemHttpResult>> OverviewAsync(
        string siteId, [AsParameters] PeriodQuery period, int? limit, string? compare,
        ISiteStore sites, OverviewService overview, TimeProvider time, CancellationToken cancellationToken)
    {
        var (query, problem) = await ResolveAsync(siteId, period, sites, time, cancellationToken);
        if (problem is not null)
            return problem;
        if (limit is < 1 or > 1000)
            return Problems.BadQuery("'limit' must be between 1 and 1000.");
        if (Problems.BadCompare(compare) is { } badCompare)
            return badCompare;
        return TypedResults.Ok(await overview.GetAsync(query!, limit ?? OverviewService.DefaultLimit, compare == "previous", cancellationToken));
    }

    internal static async Task<Results<Ok<LinksReport>, ProblemHttpResult>> LinksAsync(
        string siteId, [AsParameters] PeriodQuery period, long? minImpressions,
        ISiteStore sites, LinksService links, TimeProvider time, CancellationToken cancellationToken)
    {
        var (query, problem) = await ResolveAsync(siteId, period, sites, time, cancellationToken);
        if (problem is not null)
            return problem;
        if (minImpressions is < 1 or > 1_000_000_000)
            return Problems.BadQuery("'minImpressions' must be between 1 and 1000000000.");
        return TypedResults.Ok(await links.GetAsync(query!, minImpressions ?? LinksService.DefaultMinImpressions, cancellationToken));
    }

    internal static async Task<Results<Ok<FunnelReport>, ProblemHttpResult>> FunnelAsync(
        string siteId, [AsParameters] PeriodQuery period, [AsParameters] FunnelOptions options, FunnelRequest funnel,
        ISiteStore sites, FunnelService funnels, TimeProvider time, CancellationToken cancellationToken)
    {
        var (query, problem) = await ResolveAsync(siteId, period, sites, time, cancellationToken);
        if (problem is not null)
            return problem;
        var definition = funnel.ToDefinition();
        if ((Problems.InvalidFunnel(definition) ?? options.Problem()) is { } invalid)
            return invalid;
        return TypedResults.Ok(await funnels.GetAsync(query!, definition, options.Breakdown, options.Compare == "previous", cancellationToken));
    }

    /// <summary>What a funnel report may add: a breakdown by a dimension, and the previous period.</summary>
    public sealed record FunnelOptions(string? Breakdown, string? Compare)
    {
        internal ProblemHttpResult? Problem() =>
            Breakdown is not null && !FunnelService.IsBreakdownDimension(Breakdown)
                ? Problems.BadQuery($"'breakdown' is one of {string.Join(", ", ReportFilter.Dimensions.Keys.Where(FunnelService.IsBreakdownDimension))}.")
            : Problems.BadCompare(Compare);
    }

    internal static async Task<Results<Ok<AdsReport>, ProblemHttpResult>> AdsAsync(
        string siteId, [AsParameters] PeriodQuery period, [AsParameters] AdsQuery ads,
        ISiteStore sites, AdsService service, TimeProvider time, CancellationToken cancellationToken)
    {
        var (query, problem) = await ResolveAsync(siteId, period, sites, time, cancellationToken);
        if (problem is not null)
            return problem;
        FunnelStep? goal = null;
        if (ads.GoalKind is not null || ads.Goal is not null)
        {
            // By name only: Enum.TryParse would take "2" as well.
            if (ads.GoalKind is null || !ads.GoalKind.All(char.IsAsciiLetter) ||
                !Enum.TryParse<FunnelStepKind>(ads.GoalKind, ignoreCase: true, out var kind) || kind == FunnelStepKind.AnyOf)
                return Problems.BadQuery("'goalKind' must be one of page, step, clickSelector, clickText, custom (with 'goal' its value).");
            goal = new FunnelStep(kind, ads.Goal);
            if (FunnelDefinition.ValidateStep(goal, "The goal") is { Count: > 0 } errors)
                return Problems.BadQuery(string.Join(" ", errors));
        }
        if (ads.Confidence is < 0.5 or > 0.999)
            return Problems.BadQuery("'confidence' must be between 0.5 and 0.999 (e.g. 0.95).");
        if (ads.MinVisits is < 1 or > 100_000_000)
            return Problems.BadQuery("'minVisits' must be between 1 and 100000000.");
        if (ads.Control is { Length: > 128 })
            return Problems.BadQuery("'control' is a variant name of at most 128 characters.");
        return TypedResults.Ok(await service.GetAsync(query!, goal, ads.Control,
            ads.Confidence ?? AdsService.DefaultConfidence, ads.MinVisits ?? AdsService.DefaultMinVisits, cancellationToken));
    }

    internal static async Task<Results<Ok<PathsReport>, ProblemHttpResult>> PathsAsync(
        string siteId, [AsParameters] PeriodQuery period, [AsParameters] PathsQuery paths,
        ISiteStore sites, PathsService service, TimeProvider time, CancellationToken cancellationToken)
    {
        var (query, problem) = await ResolveAsync(siteId, period, sites, time, cancellationToken);
        if (problem is not null)
            return problem;
        if (PageProblem(paths.Page) is { } bad)
            return bad;
        var page = paths.Page!;
        if (paths.Direction is not (null or "from" or "into"))
            return Problems.BadQuery("'direction' is 'from' (where visitors went after the page, the default) or 'into' (how they came to it).");
        if (paths.Depth is < 1 or > PathsService.MaxDepth)
            return Problems.BadQuery($"'depth' must be between 1 and {PathsService.MaxDepth}.");
        if (paths.PagesPerColumn is < 1 or > 50)
            return Problems.BadQuery("'pagesPerColumn' must be between 1 and 50.");
        if (paths.BacktrackSeconds is < 1 or > 600)
            return Problems.BadQuery("'backtrackSeconds' must be between 1 and 600.");
        return TypedResults.Ok(await service.GetAsync(query!, page, paths.Direction == "into" ? PathDirection.Into : PathDirection.From,
            paths.Depth ?? PathsService.DefaultDepth, paths.PagesPerColumn ?? PathsService.DefaultPagesPerColumn,
            paths.BacktrackSeconds is { } s ? TimeSpan.FromSeconds(s) : null, cancellationToken));
    }

    internal static async Task<Results<Ok<PageReport>, ProblemHttpResult>> PageAsync(
        string siteId, [AsParameters] PeriodQuery period, string? page,
        ISiteStore sites, PageService pages, TimeProvider time, CancellationToken cancellationToken)
    {
        var (query, problem) = await ResolveAsync(siteId, period, sites, time, cancellationToken);
        if (problem is not null)
            return problem;
        if (PageProblem(page) is { } bad)
            return bad;
        return TypedResults.Ok(await pages.GetAsync(query!, page!, cancellationToken));
    }

    /// <summary>A page the paths and page reports take: a path, exact or with * wildcards.</summary>
    private static ProblemHttpResult? PageProblem(string? page) =>
        page is null ? Problems.BadQuery("'page' is required: a path, exact or with * wildcards.")
        : FunnelDefinition.ValidatePage(page) is { Count: > 0 } errors ? Problems.BadQuery(string.Join(" ", errors))
        : null;

    internal static async Task<Results<Ok<SessionsReport>, ProblemHttpResult>> SessionsAsync(
        string siteId, [AsParameters] PeriodQuery period, string? visitor, string? customer,
        ISiteStore sites, SessionsService sessions, TimeProvider time, CancellationToken cancellationToken)
    {
        var (query, problem) = await ResolveAsync(siteId, period, sites, time, cancellationToken);
        if (problem is not null)
            return problem;
        if ((visitor is null) == (customer is null))
            return Problems.BadQuery("Give either 'visitor' (16 hex digits) or 'customer' (the id passed to clicktrace.identify).");
        if (visitor is not null)
            return SessionsShaping.TryParseHex(visitor, out var id)
                ? TypedResults.Ok(await sessions.ForVisitorAsync(query!, id, cancellationToken))
                : Problems.BadQuery("'visitor' is a visitor id of 16 hex digits.");
        if (customer!.Length is 0 or > 128)
            return Problems.BadQuery("'customer' is 1 to 128 characters.");
        return TypedResults.Ok(await sessions.ForCustomerAsync(query!, customer, cancellationToken));
    }

    internal static async Task<Results<Ok<AbandonmentReport>, ProblemHttpResult>> AbandonmentAsync(
        string siteId, [AsParameters] PeriodQuery period, int? step, FunnelRequest funnel,
        ISiteStore sites, AbandonmentService abandonment, TimeProvider time, CancellationToken cancellationToken)
    {
        var (query, problem) = await ResolveAsync(siteId, period, sites, time, cancellationToken);
        if (problem is not null)
            return problem;
        var definition = funnel.ToDefinition();
        if (Problems.InvalidFunnel(definition) is { } invalid)
            return invalid;
        if (step is not { } k || k < 1 || k >= definition.Steps.Count)
            return Problems.BadQuery($"'step' must be between 1 and {definition.Steps.Count - 1}: a step that has a next one.");
        return TypedResults.Ok(await abandonment.GetAsync(query!, definition, k, cancellationToken));
    }

    /// <summary>What every report checks first: the site exists, and the period and time zone (default the site's) resolve.</summary>
    internal static async Task<(ReportQuery? Query, ProblemHttpResult? Problem)> ResolveAsync(
        string siteId, PeriodQuery period, ISiteStore sites, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Site.IsValidId(siteId) || await sites.FindAsync(siteId, cancellationToken) is not { } site)
            return (null, Problems.UnknownSite(siteId));
        var resolved = ReportPeriod.TryResolve(period.Period, period.From, period.To, period.Tz ?? site.TimeZone, time.GetUtcNow(), out var error);
        if (resolved is null)
            return (null, Problems.BadQuery(error!));
        if (period.Filter is { Length: > ReportFilter.MaxFilters })
            return (null, Problems.BadQuery($"At most {ReportFilter.MaxFilters} filters."));
        var filters = new List<ReportFilter>();
        foreach (var text in period.Filter ?? [])
        {
            if (ReportFilter.TryParse(text, out var filterError) is not { } filter)
                return (null, Problems.BadQuery(filterError!));
            filters.Add(filter);
        }
        return (new ReportQuery(site.Id, resolved, filters), null);
    }

    /// <summary>
    /// A funnel as the API takes it: the steps (<c>{"kind": "page", "value": "/product/*"}</c>, or
    /// <c>{"kind": "anyOf", "anyOf": [...]}</c>), the conversion window in seconds, and the order rule.
    /// </summary>
    public sealed record FunnelRequest(IReadOnlyList<FunnelStep>? Steps, long WindowSeconds, FunnelOrder Order = FunnelOrder.Ordered)
    {
        // An out-of-range window becomes one the definition refuses with its own message.
        public FunnelDefinition ToDefinition() => new(Steps ?? [],
            TimeSpan.FromSeconds(Math.Clamp(WindowSeconds, 0, (long)FunnelDefinition.MaxWindow.TotalSeconds + 1)), Order);
    }

    /// <summary>
    /// The ads report's options: the goal (goalKind page / step / clickSelector / clickText / custom, and its
    /// value; none: any event with revenue), the control variant, the confidence level and the minimum visits
    /// per variant before a winner is named.
    /// </summary>
    public sealed record AdsQuery(string? GoalKind, string? Goal, string? Control, double? Confidence, long? MinVisits);

    /// <summary>The paths report's options: the page, <c>from</c> or <c>into</c> it, the depth, the pages kept per column, the back-track window.</summary>
    public sealed record PathsQuery(string? Page, string? Direction, int? Depth, int? PagesPerColumn, int? BacktrackSeconds);

    /// <summary>
    /// What every report takes: the period, a preset (today, 24h, 7d, 30d, 90d) or from/to dates, and a time
    /// zone; and filters, each <c>dimension:value</c> (repeat <c>filter</c> for several; all must match).
    /// </summary>
    public sealed record PeriodQuery(string? Period, string? From, string? To, string? Tz, [property: FromQuery(Name = "filter")] string[]? Filter);
}
