using System.Net;
using System.Text.Json.Nodes;
using ClickTrace.Testing;
using ClickTrace.Testing.ClickHouseHttp;

namespace ClickTrace.Server.Tests.Hosting;

/// <summary>
/// --role collector and --role ui against one ClickHouse server (the HTTP fixture over the embedded engine):
/// the scale-out set-up, where collectors run behind a load balancer and the dashboard apart.
/// </summary>
public sealed class RoleTests
{
    private static Dictionary<string, string> ServerMode(string role) => new()
    {
        ["ClickTrace:Role"] = role,
        ["ClickTrace:Storage:Mode"] = "Server",
        ["ClickTrace:Storage:Server:ConnectionString"] = ClickHouseHttpEndpoint.Shared.ConnectionString,
        ["ClickTrace:Storage:Server:Password"] = ClickHouseHttpEndpoint.Password,
    };

    [Fact]
    public async Task A_collector_and_a_dashboard_on_one_clickhouse_server_work_as_one_app()
    {
        var database = TestEngine.UniqueDatabaseName("roles");
        using var dashboard = new ClickTraceApp(database, ServerMode("ui"));
        using var collector = new ClickTraceApp(database, ServerMode("collector"));
        await dashboard.CreateSiteAsync("split");

        // The collector learns of the new site from the store within its registry's miss interval.
        var batch = Wire.Batch("split", Wire.Pageview("/a"), Wire.Pageview("/b"), Wire.Click("#buy", "Buy"));
        await collector.EventuallyAsync(async () =>
        {
            using var response = await collector.Http.PostAsync("/api/collect", Wire.Json(batch));
            return response.StatusCode;
        }, status => status == HttpStatusCode.Accepted, "the collector to accept the dashboard's new site");

        var totals = await dashboard.EventuallyAsync(
            async () => JsonNode.Parse(await dashboard.Http.GetStringAsync("/api/sites/split/overview?period=today"))!["totals"]!,
            t => (long)t["pageviews"]! == 2, "the shipped events in the dashboard's overview");
        Assert.Equal(1L, (long)totals["clicks"]!);
    }

    [Theory]
    [InlineData("collector", "/api/sites", HttpStatusCode.NotFound)]
    [InlineData("collector", "/ct.js", HttpStatusCode.OK)]
    [InlineData("collector", "/ready", HttpStatusCode.OK)]
    [InlineData("ui", "/ct.js", HttpStatusCode.NotFound)]
    [InlineData("ui", "/api/sites", HttpStatusCode.OK)]
    [InlineData("ui", "/ready", HttpStatusCode.OK)]
    public async Task Each_role_serves_its_own_part(string role, string path, HttpStatusCode expected)
    {
        using var app = new ClickTraceApp(TestEngine.UniqueDatabaseName("role"), ServerMode(role));

        using var response = await app.Http.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_ui_role_does_not_collect()
    {
        using var ui = new ClickTraceApp(TestEngine.UniqueDatabaseName("role"), ServerMode("ui"));

        using var response = await ui.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch("any", Wire.Pageview())));

        // The dashboard's page routes match the path for GET only, so the answer is 405 rather than 404.
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
    }

    [Theory]
    [InlineData("collector")]
    [InlineData("ui")]
    public void The_embedded_mode_refuses_a_split_role_and_says_what_to_change(string role)
    {
        var error = Assert.ThrowsAny<Exception>(() => new ClickTraceApp(TestEngine.UniqueDatabaseName("role"),
            new Dictionary<string, string> { ["ClickTrace:Role"] = role }));

        Assert.Contains($"--role {role} needs ClickTrace:Storage:Mode=Server", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_role_is_refused_by_name()
    {
        var error = Assert.ThrowsAny<Exception>(() => new ClickTraceApp(TestEngine.UniqueDatabaseName("role"),
            new Dictionary<string, string> { ["ClickTrace:Role"] = "everything" }));

        Assert.Contains("--role 'everything' is not known: use all, collector or ui.", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Server_mode_without_a_connection_string_is_refused_by_name()
    {
        var error = Assert.ThrowsAny<Exception>(() => new ClickTraceApp(TestEngine.UniqueDatabaseName("role"),
            new Dictionary<string, string> { ["ClickTrace:Storage:Mode"] = "Server" }));

        Assert.Contains("ClickTrace:Storage:Server:ConnectionString is required when ClickTrace:Storage:Mode is Server", Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error) => error is AggregateException aggregate
        ? string.Join("\n", aggregate.Flatten().InnerExceptions.Select(Flatten))
        : error.ToString();
}
