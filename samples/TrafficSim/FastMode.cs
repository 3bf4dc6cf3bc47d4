using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ClickTrace.Core.Wire;
using ClickTrace.Traffic.DemoShop;
using ClickTrace.Traffic.Wire;

namespace ClickTrace.TrafficSim;

/// <summary>Fast mode's settings.</summary>
public sealed record FastModeOptions
{
    /// <summary>The ClickTrace collector, e.g. http://localhost:5080 (batches go to /api/collect).</summary>
    public required Uri Collector { get; init; }

    /// <summary>The site key the batches carry.</summary>
    public string Site { get; init; } = "demo";

    /// <summary>The origin the events' URLs (and the Origin header) name: where the shop is.</summary>
    public string Origin { get; init; } = "http://localhost:5080";

    /// <summary>Visits start at random moments of this many hours before now (at most 23: the collector replaces client times more than 24 h off).</summary>
    public double Hours { get; init; } = 23;

    /// <summary>Requests in flight at once.</summary>
    public int Parallel { get; init; } = 8;
}

/// <summary>
/// Fast mode: the synthetic generator's events for each planned visitor, posted as wire-format batches (one
/// page view's events per batch, as the tag sends them) with the visitor's User-Agent. 429 and 503 are
/// retried after their Retry-After.
/// </summary>
public static class FastMode
{
    public static async Task<SimReport> RunAsync(FastModeOptions options, DemoShopTrafficOptions traffic, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        if (options.Hours is <= 0 or > 23) throw new ArgumentOutOfRangeException(nameof(options), options.Hours, "Hours must be more than 0 and at most 23.");
        using var http = new HttpClient { BaseAddress = options.Collector, Timeout = TimeSpan.FromSeconds(30) };
        var report = new SimReport();
        var now = DateTimeOffset.UtcNow;
        var visits = DemoShopTraffic.Generate(traffic, options.Site, options.Origin.TrimEnd('/'), now.AddHours(-options.Hours), now.AddMinutes(-30));
        await Parallel.ForEachAsync(visits, new ParallelOptions { MaxDegreeOfParallelism = options.Parallel, CancellationToken = cancellationToken }, async (visit, token) =>
        {
            var ok = true;
            foreach (var batch in WireBatches.From(visit.Events))
                ok &= await PostAsync(http, options, visit.Plan.UserAgent, batch, report, token);
            if (ok) report.Completed(visit.Plan);
            else report.Failed(visit.Plan, "a batch was refused");
            report.Sent(visit.Events.Count);
            progress?.Report(1);
        });
        return report;
    }

    private static async Task<bool> PostAsync(HttpClient http, FastModeOptions options, string userAgent, WireBatch batch, SimReport report, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(batch, WireJsonContext.Default.WireBatch);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/collect") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.UserAgent.ParseAdd(userAgent);
            request.Headers.Add("Origin", options.Origin.TrimEnd('/'));
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode) return true;
            if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
            {
                report.Refusal();
                return false;
            }
            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            await Task.Delay(wait < TimeSpan.FromSeconds(30) ? wait : TimeSpan.FromSeconds(30), cancellationToken);
        }
        report.Refusal();
        return false;
    }
}
