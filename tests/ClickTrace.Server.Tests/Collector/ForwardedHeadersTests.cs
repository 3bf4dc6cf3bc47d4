using System.Net;
using System.Text.Json;
using ClickTrace.Server.Tests.Hosting;
using ClickTrace.Storage;
using ClickTrace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ClickTrace.Server.Tests.Collector;

/// <summary>
/// Behind a reverse proxy (docs/deploy.md), ASPNETCORE_FORWARDEDHEADERS_ENABLED=true makes the visitor's address,
/// not the proxy's, the one that cookieless ids are derived from; without it every visitor looks like the proxy.
/// </summary>
public sealed class ForwardedHeadersTests
{
    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 1)]
    public async Task Cookieless_visitors_behind_a_proxy_are_told_apart_by_their_forwarded_address_when_enabled(bool enabled, int visitors)
    {
        var settings = enabled ? new Dictionary<string, string> { ["FORWARDEDHEADERS_ENABLED"] = "true" } : null;
        using var app = new ClickTraceApp(TestEngine.UniqueDatabaseName("proxy"), settings);
        await app.CreateSiteAsync("proxied");

        foreach (var address in new[] { "203.0.113.7", "198.51.100.9" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/collect")
            {
                Content = Wire.Json(JsonSerializer.Serialize(new { v = 1, site = "proxied", events = new[] { Wire.Pageview("/") } })),
            };
            request.Headers.Add("X-Forwarded-For", address);
            request.Headers.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36");
            using var response = await app.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var store = app.Services.GetRequiredService<IClickHouse>();
        var stored = await app.EventuallyAsync(
            async () => (await store.QueryAsync("SELECT visitor_id FROM events")).Rows.Select(r => (ulong)r[0]!).ToList(),
            ids => ids.Count == 2, "the two page views");
        Assert.Equal(visitors, stored.Distinct().Count());
    }
}
