using Microsoft.AspNetCore.Http.HttpResults;

namespace ClickTrace.Server.Api;

/// <summary>The API's recurring problem responses (RFC 7807, application/problem+json).</summary>
internal static class Problems
{
    public static ProblemHttpResult UnknownSite(string siteId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown site", detail: $"No site has the key '{siteId}'.");

    public static ProblemHttpResult BadQuery(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid report query", detail: detail);
}
