using System.Net;
using System.Text.Json.Nodes;
using ClickTrace.Server.Tests.Hosting;

namespace ClickTrace.Server.Tests.Api;

/// <summary>GET /api/sites/{siteId}/sessions, on events that went through the collector.</summary>
public sealed class SessionsApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly ClickTraceApp _app = fixture.App;

    [Fact]
    public async Task A_customers_session_is_a_time_line_found_by_visitor_or_by_customer_id()
    {
        await _app.CreateSiteAsync("sessions-shop");
        var t = DateTimeOffset.UtcNow.AddMinutes(-10);
        using (var collect = await _app.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch("sessions-shop", "00000000000000d1", "00000000000000e1",
                   Wire.Pageview("/", t), Wire.Event("identify", "/", t.AddSeconds(5), new { n = "cust-<b>42</b>" }), Wire.Pageview("/cart", t.AddSeconds(30))))))
            Assert.Equal(HttpStatusCode.Accepted, collect.StatusCode);

        var byVisitor = await _app.EventuallyAsync(async () =>
            JsonNode.Parse(await _app.Http.GetStringAsync("/api/sites/sessions-shop/sessions?period=24h&visitor=00000000000000e1"))!,
            r => r["sessions"]!.AsArray().Count == 1 && r["sessions"]![0]!["events"]!.AsArray().Count == 3, "the visitor's session");
        var session = byVisitor["sessions"]![0]!;
        Assert.Equal(("00000000000000d1", 2, "00:00:30"), ((string?)session["sessionId"], (int)session["pageviews"]!, (string?)session["duration"]));
        Assert.Equal(["pageview", "identify", "pageview"], session["events"]!.AsArray().Select(e => (string?)e!["type"]));

        var byCustomer = JsonNode.Parse(await _app.Http.GetStringAsync("/api/sites/sessions-shop/sessions?period=24h&customer=" + Uri.EscapeDataString("cust-<b>42</b>")))!;
        Assert.Equal("00000000000000e1", (string?)byCustomer["sessions"]![0]!["visitorId"]);
    }

    [Theory]
    [InlineData("", "either")]
    [InlineData("visitor=00000000000000e1&customer=x", "either")]
    [InlineData("visitor=e1", "16 hex digits")]
    [InlineData("visitor=not-hex-at-all!", "16 hex digits")]
    public async Task Neither_or_both_or_a_malformed_visitor_is_a_400_problem(string query, string says)
    {
        using var response = await _app.Http.GetAsync($"/api/sites/demo/sessions?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(says, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
