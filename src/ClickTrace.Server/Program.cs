using ClickTrace.Analytics;
using ClickTrace.Collector;
using ClickTrace.Collector.Observability;
using ClickTrace.Collector.Tag;
using ClickTrace.Server.Api;
using ClickTrace.Server.Components;
using ClickTrace.Server.Demo;
using ClickTrace.Storage;

var builder = WebApplication.CreateBuilder(args);

// Storage: the embedded ClickHouse engine, its schema migrated at start-up.
builder.Services.AddClickTraceStorage();
// Collector: decode, validate, enrich, queue, ship to ClickHouse.
builder.Services.AddCollector();
// Analytics: the report services that the HTTP API and the dashboard both call.
builder.Services.AddAnalytics();
// HTTP API conventions: problem details for every error, JSON, OpenAPI document.
builder.Services.AddApi();
// Dashboard: Blazor Web App with interactive server rendering.
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
// Demo: a site and a page with the tag installed, so a fresh install has something to show.
builder.Services.AddDemo();

var app = builder.Build();

app.UseApiErrors();
app.UseCors();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapTag();
app.MapCollect();
app.MapObservability();
app.MapSitesApi();
app.MapReportsApi();
app.MapSavedFunnelsApi();
app.MapOpenApi();
app.MapDemo();
app.MapLibraries();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>The host's entry point, visible to the tests that start it.</summary>
public partial class Program;
