using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClickTrace.Server.Tests.Hosting;

namespace ClickTrace.Server.Tests.Api;

/// <summary>/api/sites/{siteId}/funnels: save, list, run, replace and delete funnels.</summary>
public sealed class SavedFunnelsApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly ClickTraceApp _app = fixture.App;

    private static object Funnel(string name, string last = "/checkout") => new
    {
        name,
        steps = new object[] { new { kind = "page", value = "/" }, new { kind = "page", value = last, label = "Checkout" } },
        windowSeconds = 1800,
        order = "strict",
    };

    [Fact]
    public async Task A_saved_funnel_is_listed_run_over_a_period_replaced_and_deleted()
    {
        await _app.CreateSiteAsync("saved-shop");
        var t = DateTimeOffset.UtcNow.AddMinutes(-5);
        using (var collect = await _app.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch("saved-shop", Wire.Pageview("/", t), Wire.Pageview("/checkout", t.AddSeconds(30))))))
            Assert.Equal(HttpStatusCode.Accepted, collect.StatusCode);

        using (var saved = await _app.Http.PutAsJsonAsync("/api/sites/saved-shop/funnels/checkout", Funnel("Checkout <b>funnel</b>")))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            var body = (await saved.Content.ReadFromJsonAsync<JsonNode>())!;
            Assert.Equal(("checkout", "Checkout <b>funnel</b>", "strict"), ((string?)body["id"], (string?)body["name"], (string?)body["definition"]!["order"]));
        }
        var list = (await _app.Http.GetFromJsonAsync<JsonNode>("/api/sites/saved-shop/funnels"))!.AsArray();
        Assert.Equal(["checkout"], list.Select(f => (string?)f!["id"]));

        var report = await _app.EventuallyAsync(async () => (await _app.Http.GetFromJsonAsync<JsonNode>("/api/sites/saved-shop/funnels/checkout/report?period=24h"))!,
            r => (long)r["steps"]![1]!["visitors"]! == 1, "the collected visitor through the saved funnel");
        Assert.Equal(["/", "Checkout"], report["steps"]!.AsArray().Select(s => (string?)s!["name"]));

        using (var replaced = await _app.Http.PutAsJsonAsync("/api/sites/saved-shop/funnels/checkout", Funnel("Renamed", "/pay")))
            Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var again = (await _app.Http.GetFromJsonAsync<JsonNode>("/api/sites/saved-shop/funnels/checkout"))!;
        Assert.Equal(("Renamed", "/pay"), ((string?)again["name"], (string?)again["definition"]!["steps"]![1]!["value"]));

        using (var deleted = await _app.Http.DeleteAsync("/api/sites/saved-shop/funnels/checkout"))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using (var gone = await _app.Http.GetAsync("/api/sites/saved-shop/funnels/checkout/report"))
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using (var deletedAgain = await _app.Http.DeleteAsync("/api/sites/saved-shop/funnels/checkout"))
            Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);
        Assert.Empty((await _app.Http.GetFromJsonAsync<JsonNode>("/api/sites/saved-shop/funnels"))!.AsArray());
    }

    [Theory]
    [InlineData("bad id!", "ok", "funnel id")]
    [InlineData("f1", "", "name")]
    [InlineData("f1", null, "name")]
    public async Task A_bad_id_or_name_is_a_400_problem(string id, string? name, string says)
    {
        using var response = await _app.Http.PutAsJsonAsync($"/api/sites/demo/funnels/{Uri.EscapeDataString(id)}", Funnel(name!));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(says, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_definition_is_refused_and_an_unknown_site_is_a_404()
    {
        using var invalid = await _app.Http.PutAsJsonAsync("/api/sites/demo/funnels/f2", new { name = "x", steps = new object[] { new { kind = "page", value = "/" } }, windowSeconds = 60 });
        using var unknown = await _app.Http.GetAsync("/api/sites/no-such-site/funnels");

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("2 to 20 steps", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
