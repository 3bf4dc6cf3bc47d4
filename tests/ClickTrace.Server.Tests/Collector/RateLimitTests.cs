using System.Net;
using ClickTrace.Server.Tests.Hosting;
using ClickTrace.Testing;

namespace ClickTrace.Server.Tests.Collector;

public sealed class RateLimitTests
{
    [Fact]
    public async Task A_client_over_its_rate_gets_429_with_retry_after()
    {
        using var app = new ClickTraceApp(TestEngine.UniqueDatabaseName("rate"), new Dictionary<string, string>
        {
            ["ClickTrace:Collector:RateLimits:ClientRequestsPerSecond"] = "1",
            ["ClickTrace:Collector:RateLimits:ClientBurst"] = "3",
        });
        await app.CreateSiteAsync("limited");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6; i++)
        {
            var response = await app.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch("limited", Wire.Pageview())));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited ??= response;
        }

        Assert.Equal(HttpStatusCode.Accepted, statuses[0]);
        Assert.NotNull(limited);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(limited.Headers.RetryAfter);
    }

    [Fact]
    public async Task A_site_over_its_event_rate_gets_429()
    {
        using var app = new ClickTraceApp(TestEngine.UniqueDatabaseName("siterate"), new Dictionary<string, string>
        {
            ["ClickTrace:Collector:RateLimits:SiteEventsPerSecond"] = "10",
            ["ClickTrace:Collector:RateLimits:SiteBurst"] = "10",
        });
        await app.CreateSiteAsync("busy-site");
        await app.CreateSiteAsync("quiet-site");

        using var first = await app.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch("busy-site", Enumerable.Range(0, 10).Select(_ => Wire.Pageview()).ToArray())));
        using var second = await app.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch("busy-site", Enumerable.Range(0, 10).Select(_ => Wire.Pageview()).ToArray())));
        using var other = await app.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch("quiet-site", Wire.Pageview())));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Contains("busy-site", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
    }
}
