using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClickTrace.Server.Tests.Hosting;

namespace ClickTrace.Server.Tests.Api;

public sealed class ReportsApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly ClickTraceApp _app = fixture.App;

    [Fact]
    public async Task The_overview_of_an_empty_site_is_zeros_with_a_full_series()
    {
        var overview = (await _app.Http.GetFromJsonAsync<JsonNode>("/api/sites/demo/overview?period=custom&from=2020-01-01&to=2020-01-07&tz=Europe/Paris"))!;

        Assert.Equal(0, (long)overview["totals"]!["visitors"]!);
        Assert.Equal(7, overview["series"]!.AsArray().Count);
        Assert.Equal(("Europe/Paris", "day"), ((string?)overview["timeZone"], (string?)overview["interval"]));
    }

    [Theory]
    [InlineData("/api/sites/demo/overview?period=forever", "Unknown period")]
    [InlineData("/api/sites/demo/overview?tz=Mars/Base", "Unknown time zone")]
    [InlineData("/api/sites/demo/overview?limit=0", "limit")]
    [InlineData("/api/sites/demo/overview?from=2026-01-02&to=2026-01-01", "on or after")]
    public async Task Bad_report_queries_are_a_400_problem(string url, string says)
    {
        using var response = await _app.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(says, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_numeric_limit_is_a_400_not_a_500()
    {
        using var response = await _app.Http.GetAsync("/api/sites/demo/overview?limit=lots");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_overview_of_an_unknown_site_is_a_404_problem()
    {
        using var response = await _app.Http.GetAsync("/api/sites/no-such-site/overview");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_collect_and_the_reports()
    {
        var document = await _app.Http.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/collect", document, StringComparison.Ordinal);
        Assert.Contains("/api/sites/{siteId}/overview", document, StringComparison.Ordinal);
        Assert.Contains("\"sid\"", document, StringComparison.Ordinal);
    }
}
