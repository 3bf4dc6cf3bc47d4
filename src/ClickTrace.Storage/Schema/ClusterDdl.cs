using System.Text.RegularExpressions;

namespace ClickTrace.Storage.Schema;

/// <summary>
/// The cluster form of a migration statement. On a cluster every statement runs <c>ON CLUSTER</c>; the
/// events table becomes a ReplicatedMergeTree <c>events_local</c> on each shard behind a Distributed
/// <c>events</c> sharded by a hash of the session (so a session, and with it a funnel, stays on one shard);
/// the small metadata tables are replicated to every node of the cluster (one replica path for all), so each
/// node reads them whole. Queries and inserts keep using the same table names.
/// </summary>
public static partial class ClusterDdl
{
    /// <summary>Tables split across shards, with their sharding key; every other table is copied to every node.</summary>
    public static readonly IReadOnlyDictionary<string, string> Sharded = new Dictionary<string, string>
    {
        ["events"] = "cityHash64(session_id)",
        // The overview's rollups: each shard's views fill its own part; a session's pieces stay with its events.
        ["overview_buckets"] = "rand()",
        ["page_buckets"] = "rand()",
        ["click_buckets"] = "rand()",
        ["link_buckets"] = "rand()",
        ["session_buckets"] = "cityHash64(session_id)",
        ["country_buckets"] = "rand()",
        ["visit_buckets"] = "cityHash64(session_id)",
        ["visit_names"] = "rand()",
        ["overview_days"] = "rand()",
        ["page_days"] = "rand()",
        ["click_days"] = "rand()",
    };

    /// <summary>The suffix of a sharded table's local part.</summary>
    public const string LocalSuffix = "_local";

    /// <summary>The statements that do on <paramref name="cluster"/> what <paramref name="statement"/> does on one server.</summary>
    /// <exception cref="InvalidOperationException">The statement has a shape this class does not know how to spread.</exception>
    public static IReadOnlyList<string> Rewrite(string statement, string cluster, string database)
    {
        Identifiers.Validate(cluster, "cluster name");
        Identifiers.Validate(database, "database name");
        if (CreateTable().Match(statement) is { Success: true } create) return CreateOnCluster(create, cluster, database);
        if (AlterTable().Match(statement) is { Success: true } alter) return AlterOnCluster(alter, cluster);
        if (CreateView().Match(statement) is { Success: true } view) return [ViewOnCluster(view, cluster)];
        if (Drop().Match(statement) is { Success: true } drop) return DropOnCluster(drop, cluster);
        if (Truncate().Match(statement) is { Success: true } truncate)
        {
            var table = truncate.Groups["table"].Value;
            return [$"TRUNCATE TABLE IF EXISTS {(Sharded.ContainsKey(table) ? table + LocalSuffix : table)} ON CLUSTER {cluster}"];
        }
        // A fill from what is stored runs once, from any node, through the Distributed tables.
        if (InsertSelect().IsMatch(statement)) return [statement];
        throw new InvalidOperationException($"This migration statement has no cluster form yet; teach ClusterDdl its shape: {statement.Trim()}");
    }

    private static IReadOnlyList<string> CreateOnCluster(Match create, string cluster, string database)
    {
        var (table, columns, engine, arguments, rest) =
            (create.Groups["table"].Value, create.Groups["columns"].Value, create.Groups["engine"].Value, create.Groups["args"].Value, create.Groups["rest"].Value);
        if (!engine.EndsWith("MergeTree", StringComparison.Ordinal) || engine.StartsWith("Replicated", StringComparison.Ordinal))
            throw new InvalidOperationException($"Table {table} uses engine {engine}; the cluster form knows the MergeTree family only.");
        var extra = arguments.Length > 0 ? ", " + arguments : "";
        if (!Sharded.TryGetValue(table, out var shardingKey))
        {
            return [$"CREATE TABLE IF NOT EXISTS {table} ON CLUSTER {cluster}\n({columns})\nENGINE = Replicated{engine}('/clickhouse/tables/all/{{database}}/{{table}}', '{{replica}}'{extra}){rest}"];
        }
        var local = table + LocalSuffix;
        return
        [
            $"CREATE TABLE IF NOT EXISTS {local} ON CLUSTER {cluster}\n({columns})\nENGINE = Replicated{engine}('/clickhouse/tables/{{shard}}/{{database}}/{{table}}', '{{replica}}'{extra}){rest}",
            $"CREATE TABLE IF NOT EXISTS {table} ON CLUSTER {cluster} AS {local}\nENGINE = Distributed({cluster}, {database}, {local}, {shardingKey})",
        ];
    }

    /// <summary>A materialized view on each node, from the local part of a sharded table into the local part of its target.</summary>
    private static string ViewOnCluster(Match view, string cluster)
    {
        var (name, target, select) = (view.Groups["name"].Value, view.Groups["target"].Value, view.Groups["select"].Value);
        if (Sharded.ContainsKey(target)) target += LocalSuffix;
        select = SourceTable().Replace(select, source => Sharded.ContainsKey(source.Groups["table"].Value)
            ? $"FROM {source.Groups["table"].Value}{LocalSuffix}"
            : source.Value);
        return $"CREATE MATERIALIZED VIEW IF NOT EXISTS {name} ON CLUSTER {cluster} TO {target} AS\n{select}";
    }

    // A sharded table goes with its local part; the Distributed table first, so nothing reads a half-dropped pair.
    private static IReadOnlyList<string> DropOnCluster(Match drop, string cluster)
    {
        var (kind, name) = (drop.Groups["kind"].Value, drop.Groups["name"].Value);
        var statement = $"DROP {kind} IF EXISTS {name} ON CLUSTER {cluster} SYNC";
        return kind == "TABLE" && Sharded.ContainsKey(name)
            ? [statement, $"DROP TABLE IF EXISTS {name}{LocalSuffix} ON CLUSTER {cluster} SYNC"]
            : [statement];
    }

    private static IReadOnlyList<string> AlterOnCluster(Match alter, string cluster)
    {
        var (table, change) = (alter.Groups["table"].Value, alter.Groups["change"].Value);
        if (!Sharded.ContainsKey(table)) return [$"ALTER TABLE {table} ON CLUSTER {cluster} {change}"];
        var local = table + LocalSuffix;
        // Replicated tables deduplicate retried inserts by their own window setting; a Distributed table has none.
        if (DeduplicationWindow().Match(change) is { Success: true } window)
            return [$"ALTER TABLE {local} ON CLUSTER {cluster} MODIFY SETTING replicated_deduplication_window = {window.Groups["size"].Value}"];
        // A Distributed table's columns must match its local table's: a new column or a column's new type goes to both.
        if (!change.TrimStart().StartsWith("ADD COLUMN", StringComparison.Ordinal) && !change.TrimStart().StartsWith("MODIFY COLUMN", StringComparison.Ordinal))
            throw new InvalidOperationException($"ALTER of sharded table {table} is not an ADD or MODIFY COLUMN; say in ClusterDdl how it reaches the Distributed table: {change.Trim()}");
        return [$"ALTER TABLE {local} ON CLUSTER {cluster} {change}", $"ALTER TABLE {table} ON CLUSTER {cluster} {change}"];
    }

    [GeneratedRegex(@"^\s*CREATE TABLE IF NOT EXISTS (?<table>[A-Za-z_][A-Za-z0-9_]*)\s*\((?<columns>.*)\)\s*ENGINE = (?<engine>[A-Za-z]+)(?:\((?<args>[^)]*)\))?(?<rest>.*?)\s*$", RegexOptions.Singleline)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"^\s*ALTER TABLE (?<table>[A-Za-z_][A-Za-z0-9_]*)\s+(?<change>.*?)\s*$", RegexOptions.Singleline)]
    private static partial Regex AlterTable();

    [GeneratedRegex(@"^\s*CREATE MATERIALIZED VIEW IF NOT EXISTS (?<name>[A-Za-z_][A-Za-z0-9_]*) TO (?<target>[A-Za-z_][A-Za-z0-9_]*) AS\s+(?<select>SELECT\s.*?)\s*$", RegexOptions.Singleline)]
    private static partial Regex CreateView();

    [GeneratedRegex(@"^\s*DROP (?<kind>TABLE|VIEW) IF EXISTS (?<name>[A-Za-z_][A-Za-z0-9_]*)\s*$")]
    private static partial Regex Drop();

    [GeneratedRegex(@"^\s*TRUNCATE TABLE IF EXISTS (?<table>[A-Za-z_][A-Za-z0-9_]*)\s*$")]
    private static partial Regex Truncate();

    [GeneratedRegex(@"^\s*INSERT INTO [A-Za-z_][A-Za-z0-9_]*\s+SELECT\s", RegexOptions.Singleline)]
    private static partial Regex InsertSelect();

    [GeneratedRegex(@"\bFROM (?<table>[A-Za-z_][A-Za-z0-9_]*)\b")]
    private static partial Regex SourceTable();

    [GeneratedRegex(@"^\s*MODIFY SETTING non_replicated_deduplication_window = (?<size>\d+)\s*$")]
    private static partial Regex DeduplicationWindow();
}
