using System.Diagnostics;
using System.Text;

namespace ClickTrace.LoadTest;

/// <summary>
/// Sends requests at a fixed rate whatever the responses do (open loop), and measures each latency from
/// the moment the request was due, so a stall shows up in the percentiles instead of hiding them.
/// </summary>
internal static class OpenLoop
{
    public sealed record Result(double OfferedRps, double AchievedRps, double P50Ms, double P99Ms, long Errors);

    public static async Task<Result> RunAsync(Uri target, IReadOnlyList<string> bodies, double rate, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        var payloads = bodies.Select(Encoding.UTF8.GetBytes).ToArray();
        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new double[total];
        long errors = 0;
        var tasks = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
            var index = i;
            tasks.Add(Task.Run(async () =>
            {
                using var content = new ByteArrayContent(payloads[index % payloads.Length]);
                content.Headers.ContentType = new("text/plain");
                try
                {
                    using var response = await http.PostAsync(target, content);
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
                latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
            }));
        }
        await Task.WhenAll(tasks);
        var seconds = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return new Result(rate, total / seconds, latencies[total / 2], latencies[(int)(total * 0.99)], errors);
    }
}
