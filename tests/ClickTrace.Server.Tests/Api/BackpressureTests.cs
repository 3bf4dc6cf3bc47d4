using System.Net;
using ClickTrace.Server.Tests.Hosting;
using ClickTrace.Testing;

namespace ClickTrace.Server.Tests.Api;

public sealed class BackpressureTests
{
    [Fact]
    public async Task A_full_queue_answers_503_with_retry_after_and_recovers_once_shipped()
    {
        // A queue of 100 events that ships only when 100 are waiting or after a minute.
        using var app = new ClickTraceApp(TestEngine.UniqueDatabaseName("full"), new Dictionary<string, string>
        {
            ["ClickTrace:Collector:QueueCapacity"] = "100",
            ["ClickTrace:Collector:ShipBatchSize"] = "100",
            ["ClickTrace:Collector:ShipInterval"] = "00:01:00",
        });
        await app.CreateSiteAsync("busy");
        string Batch(int events) => Wire.Batch("busy", Enumerable.Range(0, events).Select(_ => Wire.Pageview()).ToArray());

        using var first = await app.Http.PostAsync("/api/collect", Wire.Json(Batch(60)));
        using var refused = await app.Http.PostAsync("/api/collect", Wire.Json(Batch(50)));
        using var fits = await app.Http.PostAsync("/api/collect", Wire.Json(Batch(40)));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Accepted, fits.StatusCode);   // 100 waiting: a full batch ships at once
        await Eventually.Until(async () =>
        {
            using var retry = await app.Http.PostAsync("/api/collect", Wire.Json(Batch(50)));
            return retry.StatusCode;
        }, status => status == HttpStatusCode.Accepted, "room in the queue");
    }
}
