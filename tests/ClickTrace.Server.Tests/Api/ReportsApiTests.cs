using ClickTrace.Storage.Events;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClickTrace.Server.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

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
    [InlineData("/api/sites/demo/overview?filter=planet:mars", "Unknown filter dimension 'planet'")]
    [InlineData("/api/sites/demo/links?filter=country:Germany", "two-letter ISO 3166 code")]
    [InlineData("/api/sites/demo/pages?page=/&filter=device", "dimension:value")]
    [InlineData("/api/sites/demo/overview?compare=last-year", "'compare'")]
    public async Task Bad_report_queries_are_a_400_problem(string url, string says)
    {
        using var response = await _app.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(says, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_keep_the_sessions_that_match_and_the_previous_period_is_compared()
    {
        await _app.CreateSiteAsync("filter-shop");
        var now = DateTimeOffset.UtcNow;
        using (var mobile = await _app.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch("filter-shop", "00000000000000f1", "00000000000000f1",
                   Wire.Event("pageview", "/?utm_campaign=spring", now.AddMinutes(-5)), Wire.Pageview("/cart", now.AddMinutes(-4))))))
            Assert.Equal(HttpStatusCode.Accepted, mobile.StatusCode);
        using (var other = await _app.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch("filter-shop", "00000000000000f2", "00000000000000f2",
                   Wire.Pageview("/", now.AddMinutes(-5))))))
            Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
        // Yesterday's view is older than the collector accepts as it is (it clamps clocks 24 h off): stored directly.
        var at = now.AddDays(-1).AddMinutes(-5);
        await new ClickHouseEventWriter(_app.Services.GetRequiredService<ClickTrace.Storage.IClickHouse>()).WriteAsync([new()
        {
            EventId = Guid.NewGuid(), SiteId = "filter-shop", Type = ClickTrace.Core.Events.EventType.Pageview, Timestamp = at, ReceivedAt = at,
            SessionId = 0xf3, VisitorId = 0xf2, Url = "https://shop.example/", Path = "/",
        }]);

        var all = await _app.EventuallyAsync(async () => (await _app.Http.GetFromJsonAsync<JsonNode>("/api/sites/filter-shop/overview?period=24h&compare=previous"))!,
            r => (long)r["totals"]!["pageviews"]! == 3 && (long)r["previous"]!["totals"]!["pageviews"]! == 1, "both sessions and yesterday's view");
        var campaign = (await _app.Http.GetFromJsonAsync<JsonNode>("/api/sites/filter-shop/overview?period=24h&filter=campaign:spring"))!;
        var both = (await _app.Http.GetFromJsonAsync<JsonNode>("/api/sites/filter-shop/overview?period=24h&filter=campaign:spring&filter=page:/nowhere"))!;

        Assert.Equal(2, (long)all["totals"]!["sessions"]!);
        Assert.Equal((1L, 2L), ((long)campaign["totals"]!["sessions"]!, (long)campaign["totals"]!["pageviews"]!));   // the whole session, not only its landing
        Assert.Null(campaign["previous"]);
        Assert.Equal(0, (long)both["totals"]!["pageviews"]!);
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
