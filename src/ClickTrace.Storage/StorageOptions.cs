using System.ComponentModel.DataAnnotations;
using ClickTrace.Storage.Server;

namespace ClickTrace.Storage;

/// <summary>Where events and metadata live. Section <c>ClickTrace:Storage</c>.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "ClickTrace:Storage";

    /// <summary>
    /// Embedded (default): the in-process engine, zero set-up, one machine. Server: a ClickHouse server or
    /// cluster, reached as <see cref="Server"/> says; needed to run collectors and the dashboard apart.
    /// </summary>
    public StorageMode Mode { get; set; } = StorageMode.Embedded;

    /// <summary>Server mode: the connection, timeouts and retries.</summary>
    public ServerOptions Server { get; set; } = new();

    /// <summary>
    /// Server mode on a cluster: its name, as in the servers' <c>remote_servers</c>; empty for a single server.
    /// Migrations then run <c>ON CLUSTER</c>, events live in a ReplicatedMergeTree <c>events_local</c> per shard
    /// behind a Distributed <c>events</c> sharded by session, and the metadata tables are replicated to every node.
    /// </summary>
    public string? Cluster { get; set; }

    /// <summary>Embedded mode: the folder holding the data, relative to the working directory. Default <c>./data</c>.</summary>
    [Required]
    public string DataPath { get; set; } = "./data";

    /// <summary>The ClickHouse database ClickTrace owns. Default <c>clicktrace</c>.</summary>
    [Required]
    public string Database { get; set; } = "clicktrace";

    /// <summary>
    /// Days events are kept before ClickHouse's TTL removes them; a site may keep its own for fewer. A change
    /// takes effect at the next start. Default 730 (two years).
    /// </summary>
    [Range(1, 36500)]
    public int RetentionDays { get; set; } = 730;

    /// <summary>
    /// How often sites that keep their events for fewer days than <see cref="RetentionDays"/> have their older
    /// events deleted (whole UTC days, so each site's delete runs about once a day). 1 minute to 1 day. Default 1 hour.
    /// </summary>
    public TimeSpan RetentionSweepEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Embedded mode: statements run at once (one native connection each). Default 4.</summary>
    [Range(1, 64)]
    public int MaxConnections { get; set; } = 4;

    /// <summary>
    /// Embedded mode: the engine's Linux nice value, 0 to 19. Default 10: while the machine is busy, collecting
    /// (and acknowledging) events comes before storing and querying them, which the write-ahead log allows;
    /// an idle machine runs the engine at full speed. 0 runs it at the same priority as everything else.
    /// </summary>
    [Range(0, 19)]
    public int EngineNice { get; set; } = 10;

    /// <summary>
    /// Embedded mode: run the engine under Linux's idle policy (SCHED_IDLE), below any nice value: it gets only the
    /// CPU time that request handling leaves. Default false. True lets a burst of events be collected at full
    /// speed (the write-ahead log holds it, up to its cap) while storing them, and the dashboard's queries, wait.
    /// </summary>
    public bool EngineIdle { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Identifiers.IsValid(Database))
            yield return new ValidationResult(
                $"ClickTrace:Storage:Database '{Database}' is not a valid database name: use letters, digits and underscores.", [nameof(Database)]);
        if (RetentionSweepEvery < TimeSpan.FromMinutes(1) || RetentionSweepEvery > TimeSpan.FromDays(1))
            yield return new ValidationResult($"ClickTrace:Storage:RetentionSweepEvery {RetentionSweepEvery} is out of range: 00:01:00 to 1.00:00:00.", [nameof(RetentionSweepEvery)]);
        if (!Enum.IsDefined(Mode))
            yield return new ValidationResult($"ClickTrace:Storage:Mode '{Mode}' is not known: use Embedded or Server.", [nameof(Mode)]);
        if (!string.IsNullOrEmpty(Cluster) && !Identifiers.IsValid(Cluster))
            yield return new ValidationResult($"ClickTrace:Storage:Cluster '{Cluster}' is not a valid cluster name: use letters, digits and underscores.", [nameof(Cluster)]);
        if (!string.IsNullOrEmpty(Cluster) && Mode != StorageMode.Server)
            yield return new ValidationResult("ClickTrace:Storage:Cluster needs ClickTrace:Storage:Mode=Server: the embedded engine is one node.", [nameof(Cluster)]);
        if (Mode != StorageMode.Server) yield break;
        foreach (var problem in Server.Problems()) yield return new ValidationResult(problem, [nameof(Server)]);
        var ranges = new List<ValidationResult>();
        Validator.TryValidateObject(Server, new ValidationContext(Server), ranges, validateAllProperties: true);
        foreach (var range in ranges)
            yield return new ValidationResult($"ClickTrace:Storage:Server:{range.MemberNames.FirstOrDefault()}: {range.ErrorMessage}", [nameof(Server)]);
    }
}

public enum StorageMode
{
    Embedded,
    Server,
}
