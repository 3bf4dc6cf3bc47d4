using System.Net;
using ClickTrace.Server.Tests.Hosting;
using ClickTrace.Testing;

namespace ClickTrace.Server.Tests.Collector;

public sealed class ObservabilityTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly ClickTraceApp _app = fixture.App;

    [Fact]
    public async Task Health_and_readiness_answer_200_when_the_store_and_log_are_fine()
    {
        using var health = await _app.Http.GetAsync("/health");
        using var ready = await _app.Http.GetAsync("/ready");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_count_accepted_and_dropped_events_and_show_the_log_and_latency()
    {
        await _app.CreateSiteAsync("metrics");
        using (await _app.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch("metrics", Wire.Pageview(), new { id = "bad", t = "pageview", ts = 0 })))) { }
        using (await _app.Http.PostAsync("/api/collect", Wire.Json("{"))) { }

        var metrics = await Eventually.Until(() => _app.Http.GetStringAsync("/metrics"),
            m => m.Contains("clicktrace_collector_events_shipped_total", StringComparison.Ordinal), "the shipped counter");

        Assert.Contains("# TYPE clicktrace_collector_events_accepted_total counter", metrics, StringComparison.Ordinal);
        Assert.Contains("clicktrace_collector_events_dropped_total{reason=\"InvalidId\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("clicktrace_collector_batches_refused_total{status=\"400\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE clicktrace_collector_log_bytes gauge", metrics, StringComparison.Ordinal);
        Assert.Contains("clicktrace_collector_log_age_seconds", metrics, StringComparison.Ordinal);
        Assert.Contains("clicktrace_collector_ship_batch_size_bucket", metrics, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket{http_request_method=\"POST\",http_response_status_code=\"202\",http_route=\"/api/collect\",le=\"0.005\"}", metrics, StringComparison.Ordinal);
    }
}
