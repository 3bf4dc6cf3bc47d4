using ClickTrace.Storage.Events;
using ClickTrace.Storage.Schema;
using ClickTrace.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClickTrace.Storage.Tests.Schema;

public abstract class MigratorTests(StoreKind kind) : IDisposable
{
    private readonly IClickHouse _store = TestStores.NewDatabase(kind);

    public void Dispose() => (_store as IDisposable)?.Dispose();

    private Migrator NewMigrator() => new(_store, TimeProvider.System, NullLogger<Migrator>.Instance);

    [Fact]
    public async Task First_run_applies_every_migration_and_second_run_applies_nothing()
    {
        var migrations = Migrations.All(new StorageOptions());

        var first = await NewMigrator().MigrateAsync(migrations);
        var second = await NewMigrator().MigrateAsync(migrations);

        Assert.Equal(migrations.Select(m => m.Version), first);
        Assert.Empty(second);
        Assert.Equal((ulong)migrations.Count, (await _store.QueryAsync("SELECT count() FROM schema_migrations FINAL")).Scalar());
    }

    [Fact]
    public async Task Events_table_is_partitioned_by_month_ordered_per_site_and_session_with_ttl()
    {
        await NewMigrator().MigrateAsync(Migrations.All(new StorageOptions { RetentionDays = 90 }));

        var ddl = (string)(await _store.QueryAsync(
            "SELECT create_table_query FROM system.tables WHERE database = currentDatabase() AND name = 'events'")).Scalar()!;

        Assert.Contains("PARTITION BY toYYYYMM(timestamp)", ddl, StringComparison.Ordinal);
        Assert.Contains("ORDER BY (site_id, toDate(timestamp), session_id, timestamp)", ddl, StringComparison.Ordinal);
        Assert.Contains("toIntervalDay(90)", ddl, StringComparison.Ordinal);
        Assert.Contains("`type` LowCardinality(String)", ddl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Path_and_selector_become_dictionary_encoded_and_the_events_stored_before_keep_their_values()
    {
        var migrations = Migrations.All(new StorageOptions());
        await NewMigrator().MigrateAsync(migrations.Where(m => m.Version < 13).ToList());
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        var before = new Core.Events.TrackedEvent
        {
            EventId = Guid.NewGuid(), SiteId = "shop", Type = Core.Events.EventType.Click, Timestamp = at, ReceivedAt = at,
            SessionId = 1, VisitorId = 1, Url = "https://shop.example/p/1", Path = "/p/1", Selector = "main > a#buy", Tag = "a",
        };
        await new ClickHouseEventWriter(_store).WriteAsync([before]);

        Assert.Equal([13], await NewMigrator().MigrateAsync(migrations.Where(m => m.Version <= 13).ToList()));
        await new ClickHouseEventWriter(_store).WriteAsync([before with { EventId = Guid.NewGuid(), Path = "/p/2", Selector = "#other" }]);

        var types = (await _store.QueryAsync(
            "SELECT name, type FROM system.columns WHERE database = currentDatabase() AND table = 'events' AND name IN ('path', 'selector') ORDER BY name")).Rows;
        Assert.Equal([["path", "LowCardinality(String)"], ["selector", "LowCardinality(String)"]], types);
        var rows = (await _store.QueryAsync("SELECT path, selector FROM events ORDER BY path")).Rows;
        Assert.Equal([["/p/1", "main > a#buy"], ["/p/2", "#other"]], rows);
    }

    [Fact]
    public async Task A_new_migration_is_applied_on_top_of_existing_ones()
    {
        var migrations = Migrations.All(new StorageOptions());
        await NewMigrator().MigrateAsync(migrations);
        var next = migrations.Append(new Migration(1000, "extra", ["CREATE TABLE IF NOT EXISTS extra (n UInt8) ENGINE = MergeTree ORDER BY n"])).ToList();

        var applied = await NewMigrator().MigrateAsync(next);

        Assert.Equal([1000], applied);
        Assert.Equal(0UL, (await _store.QueryAsync("SELECT count() FROM extra")).Scalar());
    }
}

public sealed class EmbeddedMigratorTests() : MigratorTests(StoreKind.Embedded);

public sealed class ServerMigratorTests() : MigratorTests(StoreKind.Server);
