using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using ClickTrace.Storage.Embedded;
using Xunit.Abstractions;

namespace ClickTrace.Collector.Tests.Log;

/// <summary>
/// The durability promise, tested the hard way: a collector in a child process takes concurrent batches
/// and is killed with SIGKILL at random moments, ten times; after a last clean stop every event whose
/// batch was answered 2xx is in ClickHouse exactly once.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Events_acknowledged_before_any_of_ten_kills_are_stored_exactly_once()
    {
        var seed = Environment.TickCount;
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        var acknowledged = new ConcurrentDictionary<string, byte>();

        for (var kill = 0; kill < 10; kill++)
        {
            using var collector = await CollectorProcess.StartAsync(_data.Path);
            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, 8).Select(_ => SendUntilStoppedAsync(collector.Http, acknowledged, stop.Token)).ToArray();
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(200, 1500)));
            collector.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(senders);
        }
        // The last start replays the log; the test waits until it has all been shipped, then stops cleanly.
        using (var last = await CollectorProcess.StartAsync(_data.Path))
        {
            Assert.True(await last.WaitUntilShippedAsync(TimeSpan.FromMinutes(3)), "the restarted collector did not ship its log within 3 minutes");
            await last.StopAsync();
        }

        output.WriteLine($"{acknowledged.Count} events acknowledged");
        Assert.True(acknowledged.Count > 1000, $"only {acknowledged.Count} events were acknowledged: the load did not happen");
        using var store = new EmbeddedClickHouse(_data.Path, "clicktrace");
        var stored = (await store.QueryAsync("SELECT toString(event_id), count() FROM events GROUP BY event_id")).Rows
            .ToDictionary(r => (string)r[0]!, r => (ulong)r[1]!);
        var duplicated = stored.Where(s => s.Value > 1).Select(s => s.Key).ToList();
        var lost = acknowledged.Keys.Where(id => !stored.ContainsKey(id)).ToList();
        Assert.True(duplicated.Count == 0, $"{duplicated.Count} events stored more than once, e.g. {string.Join(", ", duplicated.Take(3))}");
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged events are not stored, e.g. {string.Join(", ", lost.Take(3))}");
    }

    private static async Task SendUntilStoppedAsync(HttpClient http, ConcurrentDictionary<string, byte> acknowledged, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var ids = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid().ToString()).ToList();
            var body = JsonSerializer.Serialize(new
            {
                v = 1, site = "demo", sid = "00000000000000aa",
                events = ids.Select(id => new { id, t = "pageview", ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), u = "https://shop.example/crash" }),
            });
            try
            {
                using var response = await http.PostAsync("api/collect", new StringContent(body, Encoding.UTF8, "text/plain"), CancellationToken.None);
                if (response.StatusCode == HttpStatusCode.Accepted)
                    foreach (var id in ids) acknowledged.TryAdd(id, 0);
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException or IOException)
            {
                return; // the collector is gone: whatever was not answered was not promised
            }
        }
    }
}
