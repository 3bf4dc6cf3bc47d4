using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClickTrace.Server.Tests.Hosting;

namespace ClickTrace.Server.Tests.Api;

/// <summary>POST /api/sites/{siteId}/funnels/abandonment, on events that went through the collector.</summary>
public sealed class AbandonmentApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly ClickTraceApp _app = fixture.App;

    private static readonly object Funnel = new
    {
        steps = new object[]
        {
            new { kind = "page", value = "/" },
            new { kind = "page", value = "/checkout/details" },
            new { kind = "page", value = "/checkout/payment" },
        },
        windowSeconds = 3600,
    };

    [Fact]
    public async Task The_visitors_who_stopped_at_a_step_show_where_they_went_the_field_they_left_and_their_rage_clicks()
    {
        await _app.CreateSiteAsync("abandon-shop");
        var t = DateTimeOffset.UtcNow.AddMinutes(-10);
        // One visitor gives up in the phone field after rage-clicking the coupon button; one goes to the help
        // page instead; one pays.
        await CollectAsync("0000000000000001", Wire.Pageview("/", t), Wire.Pageview("/checkout/details", t.AddSeconds(10)),
            Wire.Event("rage", "/checkout/details", t.AddSeconds(12), new { s = "#coupon", tg = "button", c = 4 }),
            Wire.Event("field", "/checkout/details", t.AddSeconds(20), new { s = "#checkout", tg = "email", n = "email", d = 3000, c = 1 }),
            Wire.Event("abandon", "/checkout/details", t.AddSeconds(40), new { s = "#checkout", tg = "tel", n = "phone", d = 15000 }));
        await CollectAsync("0000000000000002", Wire.Pageview("/", t), Wire.Pageview("/checkout/details", t.AddSeconds(5)), Wire.Pageview("/help", t.AddSeconds(30)));
        await CollectAsync("0000000000000003", Wire.Pageview("/", t), Wire.Pageview("/checkout/details", t.AddSeconds(5)), Wire.Pageview("/checkout/payment", t.AddSeconds(50)));

        var report = await _app.EventuallyAsync(async () =>
        {
            using var response = await _app.Http.PostAsJsonAsync("/api/sites/abandon-shop/funnels/abandonment?step=2&period=24h&tz=UTC", Funnel);
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        }, r => (long)r["abandoned"]! == 2 && r["fields"]!.AsArray().Count == 1, "the two abandoning visitors");

        Assert.Equal(("/checkout/details", "/checkout/payment"), ((string?)report["stepName"], (string?)report["nextStepName"]));
        var destinations = report["destinations"]!.AsArray().Select(d => ((string?)d!["path"], (bool)d["leftSite"]!, (long)d["visitors"]!)).ToList();
        Assert.Equal([(null, true, 1L), ("/help", false, 1L)], destinations);
        var field = report["fields"]![0]!;
        Assert.Equal(("phone", 1L, 0.5, "00:00:15"), ((string?)field["field"], (long)field["visitors"]!, (double)field["share"]!, (string?)field["medianTime"]));
        var rage = report["frustration"]![0]!;
        Assert.Equal(("rage", "#coupon", 1L), ((string?)rage["type"], (string?)rage["selector"], (long)rage["visitors"]!));
        Assert.Equal(["0000000000000001", "0000000000000002"], report["sessions"]!.AsArray().Select(s => (string?)s!["visitorId"]).Order());
    }

    [Theory]
    [InlineData("", "'step'")]
    [InlineData("step=0", "'step'")]
    [InlineData("step=3", "between 1 and 2")]
    [InlineData("step=x", "")]
    public async Task A_step_without_a_next_one_is_a_400_problem(string query, string says)
    {
        using var response = await _app.Http.PostAsJsonAsync($"/api/sites/demo/funnels/abandonment?{query}", Funnel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(says, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task CollectAsync(string visitor, params object[] events)
    {
        using var response = await _app.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch("abandon-shop", visitor.Replace("000", "aaa", StringComparison.Ordinal), visitor, events)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
