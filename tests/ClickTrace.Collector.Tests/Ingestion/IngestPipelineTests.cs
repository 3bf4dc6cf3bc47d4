using System.Net;
using System.Text.Json;
using ClickTrace.Collector.Enrichment;
using ClickTrace.Collector.Ingestion;
using ClickTrace.Collector.Log;
using ClickTrace.Collector.Sites;
using ClickTrace.Core.Events;
using ClickTrace.Core.Sites;
using ClickTrace.Core.Wire;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ClickTrace.Collector.Tests.Ingestion;

/// <summary>Both halves: the request admits a batch (IngestPipeline), the shipper enriches what was logged (BatchEnricher).</summary>
public sealed class IngestPipelineTests
{
    private static readonly IngestContext Context = new(Build.Now, "https://shop.example", "Mozilla/5.0");

    private static readonly CountryLookup Countries = new(CountryRanges.Parse(["3405803776,3405804031,AU"], [])); // 203.0.113.0/24

    private static IngestPipeline Pipeline(CollectorMetrics metrics, params Site[] sites)
    {
        var time = new FakeTimeProvider(Build.Now);
        return new(Options.Create(new CollectorOptions()), new SiteRegistry(new InMemorySiteStore(sites), time), new VisitorIds(new FixedSaltStore(), time), Countries, metrics);
    }

    /// <summary>What the collect endpoint does: scan, admit, log the body as it came; then what the shipper does with it.</summary>
    private static async Task<(Admission Admission, List<TrackedEvent> Stored)> IngestAsync(IngestPipeline pipeline, WireBatch batch, IngestContext context)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(batch, WireJsonContext.Default.WireBatch);
        var keys = new List<EventKey>();
        var header = WireDecoder.Scan(body, WireEncoding.Json, keys);
        var admission = await pipeline.AdmitAsync(header, keys, context, default);
        var record = new BatchRecord(context.ReceivedAt, WireEncoding.Json, admission.SessionId, admission.VisitorId, context.UserAgent, body, admission.Country);
        return (admission, Build.Enricher.Enrich(BatchRecord.Read(record.Encode())));
    }

    [Fact]
    public async Task A_cookieless_batch_gets_the_same_visitor_id_for_the_same_ip_and_agent_on_the_same_day()
    {
        var pipeline = Pipeline(TestMetrics.Collector(out _), new Site { Id = "shop", Name = "Shop" });
        var context = Context with { RemoteIp = IPAddress.Parse("203.0.113.7") };
        WireBatch Cookieless() { var b = Build.Batch(Build.Pageview()); b.SessionId = null; b.VisitorId = null; return b; }

        var first = (await IngestAsync(pipeline, Cookieless(), context)).Stored[0];
        var again = (await IngestAsync(pipeline, Cookieless(), context)).Stored[0];
        var otherIp = (await IngestAsync(pipeline, Cookieless(), context with { RemoteIp = IPAddress.Parse("203.0.113.8") })).Stored[0];

        Assert.Equal(first.VisitorId, again.VisitorId);
        Assert.Equal(first.VisitorId, first.SessionId);
        Assert.NotEqual(first.VisitorId, otherIp.VisitorId);
    }

    [Fact]
    public async Task The_country_of_the_ip_reaches_every_stored_event_and_an_unknown_ip_has_none()
    {
        var pipeline = Pipeline(TestMetrics.Collector(out _), new Site { Id = "shop", Name = "Shop" });

        var (admission, stored) = await IngestAsync(pipeline, Build.Batch(Build.Pageview(), Build.Pageview()), Context with { RemoteIp = IPAddress.Parse("203.0.113.7") });
        var (_, unknown) = await IngestAsync(pipeline, Build.Batch(Build.Pageview()), Context with { RemoteIp = IPAddress.Parse("192.168.1.20") });

        Assert.Equal("AU", admission.Country);
        Assert.All(stored, e => Assert.Equal("AU", e.Country));
        Assert.Equal("", Assert.Single(unknown).Country);
    }

    [Fact]
    public async Task Valid_events_pass_and_invalid_ones_are_dropped_and_counted_once_by_reason()
    {
        var metrics = TestMetrics.Collector(out var meters);
        using var dropped = new MetricCollector<long>(meters, CollectorMetrics.MeterName, "clicktrace.collector.events.dropped");
        var good = Build.Pageview();
        var unknown = Build.Pageview();
        unknown.Type = "hover";
        var duplicate = Build.Pageview(good.Id);

        var (admission, stored) = await IngestAsync(Pipeline(metrics, new Site { Id = "shop", Name = "Shop" }),
            Build.Batch(good, unknown, duplicate, Build.Pageview("bad")), Context);

        Assert.Equal(1, admission.Accepted);
        Assert.Equal(Guid.Parse(good.Id!), Assert.Single(stored).EventId);
        Assert.Equal([DropReason.UnknownType, DropReason.DuplicateInBatch, DropReason.InvalidId], admission.Drops);
        Assert.Equal(
            ["DuplicateInBatch", "InvalidId", "UnknownType"],
            dropped.GetMeasurementSnapshot().Select(m => (string)m.Tags["reason"]!).Order());
    }

    [Fact]
    public async Task The_shipper_enriches_with_the_user_agent_and_receive_time_the_request_logged()
    {
        var context = Context with { UserAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1" };

        var (_, stored) = await IngestAsync(Pipeline(TestMetrics.Collector(out _), new Site { Id = "shop", Name = "Shop" }), Build.Batch(Build.Pageview()), context);

        var e = Assert.Single(stored);
        Assert.Equal(("mobile", "Safari", "iOS", Build.Now), (e.Device, e.Browser, e.Os, e.ReceivedAt));
    }

    [Fact]
    public async Task An_unknown_site_key_is_refused_with_403()
    {
        var error = await Assert.ThrowsAsync<BatchError>(async () =>
            await IngestAsync(Pipeline(TestMetrics.Collector(out _)), Build.Batch(Build.Pageview()), Context));

        Assert.Equal((403, "Unknown site"), (error.Status, error.Title));
    }

    [Fact]
    public async Task An_origin_off_the_sites_allow_list_is_refused_with_403()
    {
        var site = new Site { Id = "shop", Name = "Shop", AllowedOrigins = ["https://other.example"] };

        var error = await Assert.ThrowsAsync<BatchError>(async () =>
            await IngestAsync(Pipeline(TestMetrics.Collector(out _), site), Build.Batch(Build.Pageview()), Context));

        Assert.Equal((403, "Origin not allowed"), (error.Status, error.Title));
    }

    [Fact]
    public async Task An_origin_on_the_allow_list_is_accepted()
    {
        var site = new Site { Id = "shop", Name = "Shop", AllowedOrigins = ["https://SHOP.example/"] };

        var (_, stored) = await IngestAsync(Pipeline(TestMetrics.Collector(out _), site), Build.Batch(Build.Pageview()), Context);

        Assert.Single(stored);
    }
}
