using Microsoft.AspNetCore.Mvc;

namespace ClickTrace.Server.Api;

/// <summary>The API's recurring problem responses.</summary>
internal static class Problems
{
    public static ProblemDetails UnknownSite(string siteId) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Unknown site",
        Detail = $"No site has the key '{siteId}'.",
    };

    public static ProblemDetails BadQuery(string detail) => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Invalid report query",
        Detail = detail,
    };
}
