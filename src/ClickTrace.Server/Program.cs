using ClickTrace.Analytics;
using ClickTrace.Collector;
using ClickTrace.Collector.Observability;
using ClickTrace.Collector.Tag;
using ClickTrace.Server.Api;
using ClickTrace.Server.Auth;
using ClickTrace.Server.Components;
using ClickTrace.Server.Demo;
using ClickTrace.Server.Hosting;
using ClickTrace.Server.Sites;
using ClickTrace.Storage;

var builder = WebApplication.CreateBuilder(args);

// Role: all (default), collector (ingest only) or ui (dashboard and API only), from --role; split roles need a ClickHouse server.
var role = builder.AddRole(args);
// Storage: the embedded ClickHouse engine or a ClickHouse server, its schema migrated at start-up.
builder.Services.AddClickTraceStorage();
// Operations: /metrics, /health, /ready.
builder.Services.AddObservability();
// HTTP API conventions: problem details for every error, JSON, OpenAPI document.
builder.Services.AddApi();
if (role.Collects())
{
    // Collector: decode, validate, write-ahead log, then ship to ClickHouse with enrichment.
    builder.Services.AddCollector();
}
if (role.Reports())
{
    // Analytics: the report services that the HTTP API and the dashboard both call.
    builder.Services.AddAnalytics();
    // Sign-in: cookie, first-run admin account, rate-limited attempts; the dashboard and the read API require it.
    builder.Services.AddDashboardAuth();
    // Sites: the one editor that the sites API and the sites page save through.
    builder.Services.AddSiteEditing();
    // Dashboard: Blazor Web App with interactive server rendering.
    builder.Services.AddDashboard();
}
if (role == HostRole.All)
{
    // Demo: a site, a page and a shop with the tag installed, and generated traffic on a first start, so a fresh install has something to show.
    builder.AddDemo(args);
}

var app = builder.Build();

app.UseApiErrors();
app.UseSecurityHeaders();
if (role.Collects()) app.UseCors();
app.UseRateLimiter();
if (role.Reports())
{
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseAntiforgery();
}
app.MapObservability();
app.MapOpenApi();
if (role.Collects())
{
    app.MapTag();
    app.MapCollect();
}
if (role.Reports())
{
    app.MapDashboardAuth();
    app.MapSitesApi();
    app.MapReportsApi();
    app.MapSavedFunnelsApi();
    app.MapLibraries();
    app.MapStaticAssets();
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
}
if (role == HostRole.All) app.MapDemo();

app.Run();

/// <summary>The host's entry point, visible to the tests that start it.</summary>
public partial class Program;
