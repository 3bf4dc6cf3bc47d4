using ClickTrace.Storage.Events;
using ClickTrace.Storage.Retention;
using ClickTrace.Testing;

using static ClickTrace.Storage.Tests.Retention.RetentionEvents;

namespace ClickTrace.Storage.Tests.Retention;

public abstract class EventRetentionTests(StoreKind kind) : MigratedDatabaseTest(kind)
{
    private static readonly DateTimeOffset Cutoff = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_site_loses_its_events_and_rollup_rows_from_before_the_cutoff_and_keeps_the_rest()
    {
        await new ClickHouseEventWriter(Store).WriteAsync(
        [
            Pageview("shop", Cutoff.AddDays(-3)), Pageview("shop", Cutoff.AddMilliseconds(-1)),
            Pageview("shop", Cutoff), Pageview("shop", Cutoff.AddDays(2)),
            Pageview("other", Cutoff.AddDays(-3)),
        ]);

        var deleted = await new EventRetention(Store).DeleteBeforeAsync("shop", Cutoff);

        Assert.Equal(2, deleted);
        Assert.Equal([[Cutoff.UtcDateTime], [Cutoff.AddDays(2).UtcDateTime]], (await Store.QueryAsync("SELECT timestamp FROM events WHERE site_id = 'shop' ORDER BY timestamp")).Rows);
        Assert.Equal(1UL, (await Store.QueryAsync("SELECT count() FROM events WHERE site_id = 'other'")).Scalar());
        foreach (var (rollup, time) in EventRetention.Tables.Where(t => t.Key != "events" && t.Key != "link_buckets" && t.Key != "click_days"))
        {
            Assert.Equal(0UL, (await Store.QueryAsync($"SELECT count() FROM {rollup} WHERE site_id = 'shop' AND {time} < {{c:DateTime64(3, 'UTC')}}", new QueryParameters().Add("c", Cutoff))).Scalar());
            Assert.NotEqual(0UL, (await Store.QueryAsync($"SELECT count() FROM {rollup} WHERE site_id = 'shop'")).Scalar());
            Assert.NotEqual(0UL, (await Store.QueryAsync($"SELECT count() FROM {rollup} WHERE site_id = 'other'")).Scalar());
        }
    }

    [Fact]
    public async Task A_site_with_nothing_old_is_left_alone()
    {
        await new ClickHouseEventWriter(Store).WriteAsync([Pageview("shop", Cutoff.AddHours(1))]);

        Assert.Equal(0, await new EventRetention(Store).DeleteBeforeAsync("shop", Cutoff));
        // No delete at all (the schema's own column changes are mutations too, hence the filter on the command).
        Assert.Equal(0UL, (await Store.QueryAsync(
            "SELECT count() FROM system.mutations WHERE database = currentDatabase() AND command NOT LIKE '%MODIFY COLUMN%'")).Scalar());
    }

    [Fact]
    public async Task The_tables_ttl_follows_the_servers_retention_and_is_left_alone_when_it_already_does()
    {
        var retention = new EventRetention(Store);

        var changed = await retention.ApplyTableTtlAsync(90);
        var again = await retention.ApplyTableTtlAsync(90);

        Assert.Equal(EventRetention.Tables.Keys.Order(), changed.Order());
        Assert.Empty(again);
        foreach (var table in EventRetention.Tables.Keys)
        {
            var engine = (string)(await Store.QueryAsync("SELECT engine_full FROM system.tables WHERE database = currentDatabase() AND name = {t:String}", new QueryParameters().Add("t", table))).Scalar()!;
            Assert.Equal(90, EventRetention.TtlDays(engine));
        }
    }
}

public sealed class EmbeddedEventRetentionTests() : EventRetentionTests(StoreKind.Embedded);

public sealed class ServerEventRetentionTests() : EventRetentionTests(StoreKind.Server);
