using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClickTrace.Server.Tests.Hosting;

namespace ClickTrace.Server.Tests.Api;

/// <summary>POST /api/sites/{siteId}/funnels/report, on events that went through the collector.</summary>
public sealed class FunnelApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly ClickTraceApp _app = fixture.App;

    private static object Step(string name, DateTimeOffset at) => new
    {
        id = Guid.NewGuid().ToString("N"), t = "step", ts = at.ToUnixTimeMilliseconds(), u = "https://shop.example/checkout", n = name,
    };

    private static object Body(long windowSeconds = 3600, string order = "ordered") => new
    {
        steps = new object[]
        {
            new { kind = "page", value = "/" },
            new { kind = "anyOf", anyOf = new object[] { new { kind = "page", value = "/product/*" }, new { kind = "custom", value = "wishlist" } } },
            new { kind = "step", value = "checkout-details" },
        },
        windowSeconds,
        order,
    };

    [Fact]
    public async Task A_funnel_counts_visitors_per_step_from_collected_events()
    {
        await _app.CreateSiteAsync("funnel-shop");
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        using (var collect = await _app.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch("funnel-shop",
                   Wire.Pageview("/", now), Wire.Pageview("/product/mug", now.AddSeconds(20)), Step("checkout-details", now.AddSeconds(40))))))
            Assert.Equal(HttpStatusCode.Accepted, collect.StatusCode);

        var report = await _app.EventuallyAsync(async () =>
        {
            using var response = await _app.Http.PostAsJsonAsync("/api/sites/funnel-shop/funnels/report?period=24h&tz=UTC", Body());
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        }, r => (long)r["entered"]! == 1 && (long)r["steps"]![2]!["visitors"]! == 1, "the collected visitor in the funnel");

        var steps = report["steps"]!.AsArray();
        Assert.Equal(["/", "/product/* or event wishlist", "step checkout-details"], steps.Select(s => (string?)s!["name"]));
        Assert.Equal("00:00:20", (string?)steps[1]!["medianTimeFromPrevious"]);
        Assert.Equal(("ordered", "01:00:00"), ((string?)report["order"], (string?)report["window"]));
    }

    [Fact]
    public async Task A_funnel_breaks_down_by_a_dimension_and_compares_with_the_period_before()
    {
        await _app.CreateSiteAsync("funnel-breakdown");
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        using (var collect = await _app.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch("funnel-breakdown",
                   Wire.Event("pageview", "/?utm_source=news", now), Wire.Pageview("/product/mug", now.AddSeconds(20))))))
            Assert.Equal(HttpStatusCode.Accepted, collect.StatusCode);

        var report = await _app.EventuallyAsync(async () =>
        {
            using var response = await _app.Http.PostAsJsonAsync("/api/sites/funnel-breakdown/funnels/report?period=24h&breakdown=source&compare=previous", Body());
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        }, r => (long)r["entered"]! == 1, "the collected visitor");

        var row = report["breakdown"]!["rows"]![0]!;
        Assert.Equal(("source", "news", 1L), ((string?)report["breakdown"]!["dimension"], (string?)row["value"], (long)row["entered"]!));
        Assert.Equal([1L, 1L, 0L], row["visitors"]!.AsArray().Select(v => (long)v!));
        Assert.Equal(0, (long)report["previous"]!["entered"]!);
    }

    [Theory]
    [InlineData("breakdown=page", "'breakdown'")]
    [InlineData("breakdown=planet", "'breakdown'")]
    [InlineData("compare=yesterday", "'compare'")]
    public async Task A_bad_breakdown_or_comparison_is_a_400_problem(string query, string says)
    {
        using var response = await _app.Http.PostAsJsonAsync($"/api/sites/demo/funnels/report?{query}", Body());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(says, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3600, "sideways", "")]
    [InlineData(0, "ordered", "conversion window")]
    [InlineData(8_000_000, "ordered", "conversion window")]
    public async Task A_bad_funnel_is_a_400_problem_that_says_why(long windowSeconds, string order, string says)
    {
        using var response = await _app.Http.PostAsJsonAsync("/api/sites/demo/funnels/report", Body(windowSeconds, order));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(says, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Steps_without_values_or_too_few_steps_are_named_in_the_problem()
    {
        var body = new { steps = new object[] { new { kind = "page", value = "" } }, windowSeconds = 60 };

        using var response = await _app.Http.PostAsJsonAsync("/api/sites/demo/funnels/report", body);
        var problem = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("2 to 20 steps", problem, StringComparison.Ordinal);
        Assert.Contains("Step 1", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"steps\": 5}")]
    [InlineData("not json")]
    [InlineData("{\"steps\": [{\"kind\": \"teleport\", \"value\": \"/\"}], \"windowSeconds\": 60}")]
    public async Task A_malformed_body_is_a_400_not_a_500(string body)
    {
        using var response = await _app.Http.PostAsync("/api/sites/demo/funnels/report", Wire.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_funnel_of_an_unknown_site_is_a_404()
    {
        using var response = await _app.Http.PostAsJsonAsync("/api/sites/nope/funnels/report", Body());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
