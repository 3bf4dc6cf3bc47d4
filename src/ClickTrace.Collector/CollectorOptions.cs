using System.ComponentModel.DataAnnotations;

namespace ClickTrace.Collector;

/// <summary>Limits and batching of the collector. Section <c>ClickTrace:Collector</c>.</summary>
public sealed class CollectorOptions
{
    public const string Section = "ClickTrace:Collector";

    /// <summary>Largest request body accepted, after decompression. Default 64 KiB; larger gets 413.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Most events in one batch. Default 100 (the tag sends at most 20); more gets 400.</summary>
    [Range(1, 10_000)]
    public int MaxEventsPerBatch { get; set; } = 100;

    /// <summary>Events per insert into ClickHouse. Default 10,000; a full batch is shipped at once.</summary>
    [Range(1, 1_000_000)]
    public int ShipBatchSize { get; set; } = 10_000;

    /// <summary>Longest an event waits before it is shipped. Default 1 s (so the dashboard is live).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ShipInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The Linux nice value of the shipper's thread, which reads, decodes and enriches the log. Default 10: under
    /// a burst the requests get the CPU and the log absorbs the backlog, which ships when the burst eases; 0
    /// ships at the requests' own priority.
    /// </summary>
    [Range(0, 19)]
    public int ShipNice { get; set; } = 10;

    /// <summary>
    /// Run the shipper's thread under Linux's idle policy (SCHED_IDLE), below any nice value: it reads and decodes the
    /// log only on CPU time that request handling leaves. Default false.
    /// </summary>
    public bool ShipIdle { get; set; }

    /// <summary>Look up each batch's country from the request's IP (the IP itself is never stored). Default true.</summary>
    public bool Countries { get; set; } = true;

    /// <summary>
    /// The folder with DB-IP's IP-to-country files (dbip-country-ipv4-num.csv and -ipv6-num.csv, from the npm
    /// package @ip-location-db/dbip-country). Default: the dbip-country folder beside the app, where the build puts them.
    /// </summary>
    public string? CountryData { get; set; }

    /// <summary>Client timestamps further than this from the server's clock are replaced by the receive time. Default 24 h.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long the shipper remembers the ids of stored events, to drop a batch a client sent twice. Default
    /// 5 min (the tag retries within seconds to a minute); 0 turns it off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RecentIdsWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Most ids remembered (16 bytes and some 40 of bookkeeping each). Default 500,000; past it the oldest are forgotten first.</summary>
    [Range(0, 50_000_000)]
    public int MaxRecentIds { get; set; } = 500_000;

    /// <summary>How long a shutdown keeps shipping the log to the store. Default 10 s; what is left ships at the next start.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ShutdownFlushTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
