namespace ClickTrace.Server.Auth;

/// <summary>
/// Response headers that keep the dashboard from being framed, sniffed or leaking its addresses: every response
/// gets <c>X-Content-Type-Options: nosniff</c> and a strict-origin referrer policy; the dashboard's own pages
/// (not the tag, collect or the demo pages and shop, which other sites embed or frame) also refuse to be framed,
/// run only their own script files and restrict where their forms post and what their base address may be.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The dashboard runs only its own script files (no inline script, no eval, nothing from another origin),
    /// so markup that slipped into a page could not run even if it were rendered as markup.
    /// </summary>
    public const string DashboardPolicy = "script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                if (IsDashboard(context.Request.Path))
                {
                    headers.XFrameOptions = "DENY";
                    headers.ContentSecurityPolicy = DashboardPolicy;
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>The dashboard's pages and API, as opposed to what tracked sites load (the tag, collect, the demo).</summary>
    public static bool IsDashboard(PathString path) =>
        !path.StartsWithSegments("/ct.js") && !path.StartsWithSegments("/api/collect") && !path.StartsWithSegments("/demo") && !path.StartsWithSegments("/shop");
}
