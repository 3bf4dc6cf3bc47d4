using System.ComponentModel.DataAnnotations;

namespace ClickTrace.Collector.Limits;

/// <summary>Request-rate limits of the collect endpoint. Section <c>ClickTrace:Collector:RateLimits</c>. 0 turns a limit off.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "ClickTrace:Collector:RateLimits";

    /// <summary>Requests per second one client address may send (token bucket). Default 50; the tag sends far fewer.</summary>
    [Range(0, 1_000_000)]
    public int ClientRequestsPerSecond { get; set; } = 50;

    /// <summary>Requests a client may send at once above its rate. Default 200.</summary>
    [Range(1, 10_000_000)]
    public int ClientBurst { get; set; } = 200;

    /// <summary>Events per second one site may send. Default 20,000.</summary>
    [Range(0, 100_000_000)]
    public int SiteEventsPerSecond { get; set; } = 20_000;

    /// <summary>Events a site may send at once above its rate. Default 200,000.</summary>
    [Range(1, 1_000_000_000)]
    public int SiteBurst { get; set; } = 200_000;
}
