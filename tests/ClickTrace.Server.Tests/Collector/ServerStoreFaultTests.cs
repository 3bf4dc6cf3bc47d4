using System.Net;
using System.Text.Json.Nodes;
using ClickTrace.Server.Tests.Hosting;
using ClickTrace.Storage;
using ClickTrace.Testing;
using ClickTrace.Testing.ClickHouseHttp;
using Microsoft.Extensions.DependencyInjection;

namespace ClickTrace.Server.Tests.Collector;

/// <summary>
/// The collector in Server mode, shipping through ClickHouse.Driver to a ClickHouse HTTP endpoint that
/// refuses connections, loses the answers of inserts it ran, answers after the client gave up, and reports
/// transient errors: collect keeps acknowledging, and every acknowledged event arrives exactly once.
/// </summary>
public sealed class ServerStoreFaultTests
{
    [Fact]
    public async Task A_faulty_clickhouse_server_loses_and_duplicates_nothing_that_was_acknowledged()
    {
        var database = TestEngine.UniqueDatabaseName("faults");
        using var app = new ClickTraceApp(database, new Dictionary<string, string>
        {
            ["ClickTrace:Storage:Mode"] = "Server",
            ["ClickTrace:Storage:Server:ConnectionString"] = ClickHouseHttpEndpoint.Shared.ConnectionString,
            ["ClickTrace:Storage:Server:Password"] = ClickHouseHttpEndpoint.Password,
            ["ClickTrace:Storage:Server:Timeout"] = "00:00:01",
            ["ClickTrace:Storage:Server:RetryDelay"] = "00:00:00.010",
            ["ClickTrace:Collector:ShipBatchSize"] = "40",
        });
        await app.CreateSiteAsync("faults");
        var endpoint = ClickHouseHttpEndpoint.Shared;
        // More faults than one call's retries: the shipper's own backoff takes over in between.
        endpoint.FailNext(database, 2, Fault.LostAnswer, insertsOnly: true);
        endpoint.FailNext(database, 3, Fault.Refused, insertsOnly: true);
        endpoint.FailNext(database, 1, Fault.SlowBy(TimeSpan.FromSeconds(3)), insertsOnly: true);
        endpoint.FailNext(database, 2, Fault.TooManyParts, insertsOnly: true);
        endpoint.FailNext(database, 1, Fault.LostAnswer, insertsOnly: true);

        var acknowledged = new HashSet<string>();
        for (var i = 0; i < 20; i++)
        {
            var events = Enumerable.Range(0, 5).Select(_ => (JsonObject)JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Wire.Pageview($"/p{i}")))!).ToList();
            using var response = await app.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch("faults", events.ToArray<object>())));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            acknowledged.UnionWith(events.Select(e => (string)e["id"]!));
        }

        // An insert is shipped only once an attempt succeeds, and every attempt meets the next fault until none is
        // left: all nine are met whatever the batches were. (The events can be in ClickHouse long before that: a
        // lost answer is an insert that ran. Waiting for them alone counted the faults while retries were pending.)
        var faultsMet = await app.EventuallyAsync(
            () => Task.FromResult(endpoint.Seen(database).Count(r => r.Fault is not null)), met => met >= 9, "the nine faults met by the shipper's inserts");
        Assert.Equal(9, faultsMet);
        var store = app.Services.GetRequiredService<IClickHouse>();
        await app.EventuallyAsync(
            async () => (await store.QueryAsync("SELECT toString(event_id) FROM events")).Rows.Count,
            count => count >= acknowledged.Count, $"{acknowledged.Count} acknowledged events in ClickHouse");
        await endpoint.IdleAsync(database);   // the slow insert may still be running on the server
        var stored = (await store.QueryAsync("SELECT toString(event_id) FROM events")).Rows.Select(r => (string)r[0]!).ToList();

        Assert.Equal(acknowledged.Order(), stored.Order());
    }
}
