using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClickTrace.Collector.Limits;

/// <summary>
/// 429 for excess request rates: per client address before the body is read (the cheap check, against
/// floods), and per site after decoding (a site's events, whoever sends them). Token buckets, so bursts
/// from a busy page are fine and sustained abuse is not.
/// </summary>
public sealed class CollectRateLimits : IDisposable
{
    public const string ClientPolicy = "collect-client";

    private readonly PartitionedRateLimiter<string>? _sites;

    public CollectRateLimits(IOptions<RateLimitOptions> options)
    {
        var o = options.Value;
        if (o.SiteEventsPerSecond > 0)
            _sites = PartitionedRateLimiter.Create<string, string>(site => RateLimitPartition.GetTokenBucketLimiter(site, _ => Bucket(o.SiteEventsPerSecond, o.SiteBurst)));
    }

    /// <summary>Takes <paramref name="events"/> tokens from the site's bucket; false when the site is over its rate.</summary>
    public bool TryTakeSite(string siteId, int events)
    {
        if (_sites is null || events == 0) return true;
        using var lease = _sites.AttemptAcquire(siteId, Math.Min(events, int.MaxValue));
        return lease.IsAcquired;
    }

    public static void AddClientPolicy(IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(ClientPolicy, context =>
            {
                var o = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                var client = context.Connection.RemoteIpAddress ?? IPAddress.None;
                return o.ClientRequestsPerSecond <= 0
                    ? RateLimitPartition.GetNoLimiter(client)
                    : RateLimitPartition.GetTokenBucketLimiter(client, _ => Bucket(o.ClientRequestsPerSecond, o.ClientBurst));
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var http = rejected.HttpContext;
                http.RequestServices.GetRequiredService<Ingestion.CollectorMetrics>().Refused(StatusCodes.Status429TooManyRequests);
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = "1";
                await Results.Problem(statusCode: 429, title: "Too many requests", detail: "This client sends faster than the collector allows; retry after the Retry-After delay.")
                    .ExecuteAsync(http).ConfigureAwait(false);
            };
        });
    }

    private static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst) => new()
    {
        TokenLimit = Math.Max(burst, perSecond),
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    public void Dispose() => _sites?.Dispose();
}
