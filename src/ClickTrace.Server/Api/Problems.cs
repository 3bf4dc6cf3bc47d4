using Microsoft.AspNetCore.Http.HttpResults;

namespace ClickTrace.Server.Api;

/// <summary>The API's recurring problem responses (RFC 7807, application/problem+json).</summary>
internal static class Problems
{
    public static ProblemHttpResult UnknownSite(string siteId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown site", detail: $"No site has the key '{siteId}'.");

    /// <summary>Every problem of a funnel definition, or null when it is valid.</summary>
    public static ProblemHttpResult? InvalidFunnel(Analytics.Funnels.FunnelDefinition funnel) =>
        funnel.Validate() is { Count: > 0 } errors
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid funnel", detail: string.Join(" ", errors))
            : null;

    /// <summary>The comparison a report may add: <c>previous</c>, or none; a problem for anything else.</summary>
    public static ProblemHttpResult? BadCompare(string? compare) =>
        compare is null or "previous" ? null : BadQuery("'compare' is 'previous' (the period of the same length just before) or absent.");

    public static ProblemHttpResult BadQuery(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid report query", detail: detail);
}
