using System.Net;
using System.Text.Json.Nodes;
using ClickTrace.Core.Events;
using ClickTrace.Server.Tests.Hosting;
using ClickTrace.Storage;
using ClickTrace.Storage.Events;
using ClickTrace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ClickTrace.Server.Tests.Collector;

[Collection(HeavyCollection.Name)]
public sealed class StoreOutageTests
{
    /// <summary>The real event writer behind a switch that makes every insert fail while the store is "down".</summary>
    private sealed class SwitchableWriter(ClickHouseEventWriter inner) : IEventWriter
    {
        public volatile bool Down = true;

        public Task WriteRowsAsync(EventRowBatch batch, string? deduplicationToken = null, CancellationToken cancellationToken = default) =>
            Down ? throw new IOException("ClickHouse is unreachable (simulated outage)") : inner.WriteRowsAsync(batch, deduplicationToken, cancellationToken);
    }

    [Fact]
    public async Task During_an_outage_collect_acknowledges_into_the_log_then_503_past_the_cap_and_everything_acknowledged_arrives_once()
    {
        SwitchableWriter? writer = null;
        using var app = new ClickTraceApp(TestEngine.UniqueDatabaseName("outage"), new Dictionary<string, string>
        {
            ["ClickTrace:Collector:Log:MaxBytes"] = "1048576",
            ["ClickTrace:Collector:Log:SegmentBytes"] = "65536",
        }, services => services.AddSingleton<IEventWriter>(sp => writer = new SwitchableWriter(new ClickHouseEventWriter(sp.GetRequiredService<IClickHouse>()))));
        await app.CreateSiteAsync("outage");

        var acknowledged = new HashSet<string>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 2000 && refused is null; i++)
        {
            var events = Enumerable.Range(0, 20).Select(_ => (JsonObject)JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Wire.Click("#x", new string('t', 200))))!).ToList();
            var response = await app.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch("outage", events.ToArray<object>())));
            if (response.StatusCode == HttpStatusCode.Accepted) acknowledged.UnionWith(events.Select(e => (string)e["id"]!));
            else refused = response;
        }

        Assert.NotNull(refused);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("disk cap", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(acknowledged.Count > 1000, $"only {acknowledged.Count} events were acknowledged before the cap");

        writer!.Down = false;
        var store = app.Services.GetRequiredService<IClickHouse>();
        var stored = await Eventually.Until(
            async () => (await store.QueryAsync("SELECT toString(event_id) FROM events")).Rows.Select(r => (string)r[0]!).ToList(),
            ids => ids.Count >= acknowledged.Count, $"{acknowledged.Count} acknowledged events in ClickHouse", TimeSpan.FromSeconds(90));

        Assert.Equal(stored.Count, stored.Distinct().Count());
        Assert.Subset(stored.ToHashSet(), acknowledged);
        using var afterwards = await app.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch("outage", Wire.Pageview())));
        Assert.Equal(HttpStatusCode.Accepted, afterwards.StatusCode);
    }
}
