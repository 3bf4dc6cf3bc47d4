using ClickTrace.Storage.Schema;
using ClickTrace.Storage.Server;
using ClickTrace.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClickTrace.Storage.Tests.Schema;

public sealed class ClusterDdlTests : IDisposable
{
    private const string Cluster = "shop_cluster";
    private readonly Storage.Embedded.EmbeddedClickHouse _engine = TestEngine.NewDatabase();

    public void Dispose() => _engine.Dispose();

    private static IEnumerable<string> ClusterForms() =>
        Migrations.All(new StorageOptions()).SelectMany(m => m.Statements).SelectMany(s => ClusterDdl.Rewrite(s, Cluster, "clicktrace"));

    [Fact]
    public async Task Every_migration_has_a_cluster_form_that_the_engine_parses()
    {
        var statements = ClusterForms().ToList();

        Assert.NotEmpty(statements);
        foreach (var statement in statements.Where(s => !s.StartsWith("INSERT", StringComparison.Ordinal)))
        {
            Assert.Contains($" ON CLUSTER {Cluster}", statement, StringComparison.Ordinal);
            // formatQuery parses with the engine's own parser: a statement it cannot read fails here.
            var formatted = (string)(await _engine.QueryAsync("SELECT formatQuery({sql:String})", new QueryParameters().Add("sql", statement))).Scalar()!;
            Assert.Contains("ON CLUSTER", formatted, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Events_live_in_a_replicated_local_table_per_shard_behind_a_distributed_table_sharded_by_session()
    {
        var create = Migrations.All(new StorageOptions()).Single(m => m.Version == 1).Statements.Single();

        var statements = ClusterDdl.Rewrite(create, Cluster, "clicktrace");

        Assert.Equal(2, statements.Count);
        Assert.StartsWith($"CREATE TABLE IF NOT EXISTS events_local ON CLUSTER {Cluster}", statements[0], StringComparison.Ordinal);
        Assert.Contains("ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/{table}', '{replica}')", statements[0], StringComparison.Ordinal);
        Assert.Contains("ORDER BY (site_id, toDate(timestamp), session_id, timestamp)", statements[0], StringComparison.Ordinal);
        Assert.Contains("TTL toDateTime(timestamp)", statements[0], StringComparison.Ordinal);
        Assert.Equal($"CREATE TABLE IF NOT EXISTS events ON CLUSTER {Cluster} AS events_local\nENGINE = Distributed({Cluster}, clicktrace, events_local, cityHash64(session_id))", statements[1]);
    }

    [Fact]
    public void Metadata_tables_are_replicated_whole_to_every_node_keeping_their_version_column()
    {
        var sites = Migrations.All(new StorageOptions()).Single(m => m.Version == 2).Statements.Single();

        var statement = Assert.Single(ClusterDdl.Rewrite(sites, Cluster, "clicktrace"));

        Assert.Contains("ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/all/{database}/{table}', '{replica}', updated_at)", statement, StringComparison.Ordinal);
    }

    [Fact]
    public void New_event_columns_reach_the_local_and_the_distributed_table_and_the_deduplication_window_the_replicated_one()
    {
        var statements = Migrations.All(new StorageOptions()).Single(m => m.Version == 3).Statements
            .SelectMany(s => ClusterDdl.Rewrite(s, Cluster, "clicktrace")).ToList();

        Assert.Equal(3, statements.Count);
        Assert.StartsWith($"ALTER TABLE events_local ON CLUSTER {Cluster} ADD COLUMN IF NOT EXISTS browser", statements[0], StringComparison.Ordinal);
        Assert.StartsWith($"ALTER TABLE events ON CLUSTER {Cluster} ADD COLUMN IF NOT EXISTS browser", statements[1], StringComparison.Ordinal);
        Assert.Equal($"ALTER TABLE events_local ON CLUSTER {Cluster} MODIFY SETTING replicated_deduplication_window = 10000", statements[2]);
    }

    [Fact]
    public void A_column_type_change_reaches_the_local_and_the_distributed_table()
    {
        var statements = Migrations.All(new StorageOptions()).Single(m => m.Version == 13).Statements
            .SelectMany(s => ClusterDdl.Rewrite(s, Cluster, "clicktrace")).ToList();

        Assert.Equal(
            [
                $"ALTER TABLE events_local ON CLUSTER {Cluster} MODIFY COLUMN path LowCardinality(String), MODIFY COLUMN selector LowCardinality(String)",
                $"ALTER TABLE events ON CLUSTER {Cluster} MODIFY COLUMN path LowCardinality(String), MODIFY COLUMN selector LowCardinality(String)",
            ],
            statements);
    }

    [Fact]
    public void A_rollup_view_reads_each_shards_local_events_into_its_local_rollup_and_the_fill_goes_through_the_distributed_tables()
    {
        var statements = Migrations.All(new StorageOptions()).Single(m => m.Version == 7).Statements
            .SelectMany(s => ClusterDdl.Rewrite(s, Cluster, "clicktrace")).ToList();

        var view = Assert.Single(statements, s => s.StartsWith("CREATE MATERIALIZED VIEW IF NOT EXISTS session_buckets_mv", StringComparison.Ordinal));
        Assert.Contains($"ON CLUSTER {Cluster} TO session_buckets_local AS", view, StringComparison.Ordinal);
        Assert.Contains("FROM events_local", view, StringComparison.Ordinal);
        Assert.Contains($"ENGINE = Distributed({Cluster}, clicktrace, session_buckets_local, cityHash64(session_id))", string.Join("\n", statements), StringComparison.Ordinal);
        var fill = Assert.Single(statements, s => s.StartsWith("INSERT INTO session_buckets", StringComparison.Ordinal));
        Assert.Contains("FROM events\n", fill, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dropped_rollup_goes_from_every_node_with_its_view_its_distributed_table_and_its_local_part()
    {
        var statements = Migrations.All(new StorageOptions()).Single(m => m.Version == 14).Statements
            .SelectMany(s => ClusterDdl.Rewrite(s, Cluster, "clicktrace")).ToList();

        Assert.Equal(
            [
                $"DROP VIEW IF EXISTS session_buckets_mv ON CLUSTER {Cluster} SYNC",
                $"DROP TABLE IF EXISTS session_buckets ON CLUSTER {Cluster} SYNC",
                $"DROP TABLE IF EXISTS session_buckets_local ON CLUSTER {Cluster} SYNC",
            ],
            statements.Where(s => s.Contains("session_buckets", StringComparison.Ordinal) && s.StartsWith("DROP", StringComparison.Ordinal)));
        Assert.Contains($"ENGINE = Distributed({Cluster}, clicktrace, visit_buckets_local, cityHash64(session_id))", string.Join("\n", statements), StringComparison.Ordinal);
        var names = Assert.Single(statements, s => s.StartsWith("CREATE MATERIALIZED VIEW IF NOT EXISTS visit_names_mv", StringComparison.Ordinal));
        Assert.Contains($"TO visit_names_local AS", names, StringComparison.Ordinal);
        Assert.Contains("FROM events_local", names, StringComparison.Ordinal);
    }

    [Fact]
    public void A_statement_of_unknown_shape_is_refused_with_a_message_naming_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ClusterDdl.Rewrite("DROP TABLE events", Cluster, "clicktrace"));

        Assert.Contains("DROP TABLE events", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_on_a_cluster_migrates_with_the_cluster_form()
    {
        var options = TestStores.ServerOptions();
        options.MaxRetries = 0;
        using var store = new ServerClickHouse(options, TestEngine.UniqueDatabaseName("cluster"), Cluster);

        // The fixture's engine has no cluster: that it is asked about one shows the statements went ON CLUSTER.
        var error = await Assert.ThrowsAsync<ClickHouseException>(() =>
            new Migrator(store, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(Migrations.All(new StorageOptions())));

        Assert.Contains(Cluster, error.Message, StringComparison.Ordinal);
    }
}
