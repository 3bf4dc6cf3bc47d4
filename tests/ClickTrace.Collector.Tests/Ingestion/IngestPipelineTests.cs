using ClickTrace.Collector.Enrichment;
using ClickTrace.Collector.Ingestion;
using ClickTrace.Core.Wire;
using ClickTrace.Collector.Sites;
using ClickTrace.Core.Sites;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ClickTrace.Collector.Tests.Ingestion;

public sealed class IngestPipelineTests
{
    private static readonly IngestContext Context = new(Build.Now, "https://shop.example", "Mozilla/5.0");

    private static readonly UserAgentClassifier UserAgents = new();
    private static readonly ReferrerClassifier Referrers = new();

    private static IngestPipeline Pipeline(CollectorMetrics metrics, params Site[] sites)
    {
        var time = new FakeTimeProvider(Build.Now);
        return new(Options.Create(new CollectorOptions()), new SiteRegistry(new InMemorySiteStore(sites), time), UserAgents, Referrers,
            new VisitorIds(new FixedSaltStore(), time), metrics);
    }

    [Fact]
    public async Task A_cookieless_batch_gets_the_same_visitor_id_for_the_same_ip_and_agent_on_the_same_day()
    {
        var pipeline = Pipeline(TestMetrics.Collector(out _), new Site { Id = "shop", Name = "Shop" });
        var context = Context with { RemoteIp = System.Net.IPAddress.Parse("203.0.113.7") };
        WireBatch Cookieless() { var b = Build.Batch(Build.Pageview()); b.SessionId = null; b.VisitorId = null; return b; }

        var first = (await pipeline.RunAsync(Cookieless(), context, default)).Events[0];
        var again = (await pipeline.RunAsync(Cookieless(), context, default)).Events[0];
        var otherIp = (await pipeline.RunAsync(Cookieless(), context with { RemoteIp = System.Net.IPAddress.Parse("203.0.113.8") }, default)).Events[0];

        Assert.Equal(first.VisitorId, again.VisitorId);
        Assert.Equal(first.VisitorId, first.SessionId);
        Assert.NotEqual(first.VisitorId, otherIp.VisitorId);
    }

    [Fact]
    public async Task Valid_events_pass_and_invalid_ones_are_dropped_and_counted_by_reason()
    {
        var metrics = TestMetrics.Collector(out var meters);
        using var dropped = new MetricCollector<long>(meters, CollectorMetrics.MeterName, "clicktrace.collector.events.dropped");
        var good = Build.Pageview();
        var unknown = Build.Pageview();
        unknown.Type = "hover";
        var duplicate = Build.Pageview(good.Id);

        var result = await Pipeline(metrics, new Site { Id = "shop", Name = "Shop" })
            .RunAsync(Build.Batch(good, unknown, duplicate, Build.Pageview("bad")), Context, default);

        Assert.Equal(Guid.Parse(good.Id!), Assert.Single(result.Events).EventId);
        Assert.Equal([DropReason.UnknownType, DropReason.DuplicateInBatch, DropReason.InvalidId], result.Drops);
        Assert.Equal(
            ["DuplicateInBatch", "InvalidId", "UnknownType"],
            dropped.GetMeasurementSnapshot().Select(m => (string)m.Tags["reason"]!).Order());
    }

    [Fact]
    public async Task An_unknown_site_key_is_refused_with_403()
    {
        var error = await Assert.ThrowsAsync<BatchError>(async () =>
            await Pipeline(TestMetrics.Collector(out _)).RunAsync(Build.Batch(Build.Pageview()), Context, default));

        Assert.Equal((403, "Unknown site"), (error.Status, error.Title));
    }

    [Fact]
    public async Task An_origin_off_the_sites_allow_list_is_refused_with_403()
    {
        var site = new Site { Id = "shop", Name = "Shop", AllowedOrigins = ["https://other.example"] };

        var error = await Assert.ThrowsAsync<BatchError>(async () =>
            await Pipeline(TestMetrics.Collector(out _), site).RunAsync(Build.Batch(Build.Pageview()), Context, default));

        Assert.Equal((403, "Origin not allowed"), (error.Status, error.Title));
    }

    [Fact]
    public async Task An_origin_on_the_allow_list_is_accepted()
    {
        var site = new Site { Id = "shop", Name = "Shop", AllowedOrigins = ["https://SHOP.example/"] };

        var result = await Pipeline(TestMetrics.Collector(out _), site).RunAsync(Build.Batch(Build.Pageview()), Context, default);

        Assert.Single(result.Events);
    }
}
