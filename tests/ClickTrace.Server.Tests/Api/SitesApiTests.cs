using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClickTrace.Server.Tests.Hosting;

namespace ClickTrace.Server.Tests.Api;

public sealed class SitesApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly ClickTraceApp _app = fixture.App;

    [Fact]
    public async Task The_demo_site_exists_on_a_fresh_start()
    {
        var site = await _app.Http.GetFromJsonAsync<JsonNode>("/api/sites/demo");

        Assert.Equal("demo", (string?)site!["id"]);
    }

    [Fact]
    public async Task A_created_site_can_collect_at_once()
    {
        var id = $"new-{Guid.NewGuid():N}"[..16];
        using var put = await _app.Http.PutAsJsonAsync($"/api/sites/{id}", new { name = "New shop", allowedOrigins = new[] { "https://new.example/" }, timeZone = "Europe/Berlin" });
        var site = (await put.Content.ReadFromJsonAsync<JsonNode>())!;

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/collect") { Content = Wire.Json(Wire.Batch(id, Wire.Pageview())) };
        request.Headers.Add("Origin", "https://new.example");
        using var collect = await _app.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(("New shop", "https://new.example", "Europe/Berlin"), ((string?)site["name"], (string?)site["allowedOrigins"]![0], (string?)site["timeZone"]));
        Assert.Equal(HttpStatusCode.Accepted, collect.StatusCode);
    }

    [Fact]
    public async Task Invalid_site_fields_are_a_validation_problem_naming_each_field()
    {
        using var response = await _app.Http.PutAsJsonAsync("/api/sites/bad key!", new { name = "", allowedOrigins = new[] { "javascript:alert(1)" }, timeZone = "Nowhere/Land" });
        var problem = (await response.Content.ReadFromJsonAsync<JsonNode>())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["allowedOrigins", "name", "siteId", "timeZone"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
    }

    [Fact]
    public async Task A_site_keeps_its_events_for_its_own_days_within_the_servers()
    {
        var id = $"keep-{Guid.NewGuid():N}"[..16];
        using var put = await _app.Http.PutAsJsonAsync($"/api/sites/{id}", new { name = "Short memory", retentionDays = 30 });
        using var tooLong = await _app.Http.PutAsJsonAsync($"/api/sites/{id}", new { name = "Short memory", retentionDays = 731 });
        using var none = await _app.Http.PutAsJsonAsync($"/api/sites/{id}x", new { name = "Server's" });
        var problem = (await tooLong.Content.ReadFromJsonAsync<JsonNode>())!;

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(30, (int?)(await _app.Http.GetFromJsonAsync<JsonNode>($"/api/sites/{id}"))!["retentionDays"]);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("1 to 730 days", (string?)problem["errors"]!["retentionDays"]![0], StringComparison.Ordinal);
        Assert.Null((await none.Content.ReadFromJsonAsync<JsonNode>())!["retentionDays"]);
    }

    [Fact]
    public async Task An_unknown_site_is_a_404_problem()
    {
        using var response = await _app.Http.GetAsync("/api/sites/unknown-site");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
