using ClickTrace.Core.Sites;
using ClickTrace.Storage.Events;
using ClickTrace.Storage.Retention;
using ClickTrace.Storage.Sites;
using ClickTrace.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

using static ClickTrace.Storage.Tests.Retention.RetentionEvents;

namespace ClickTrace.Storage.Tests.Retention;

public sealed class RetentionServiceTests() : MigratedDatabaseTest(StoreKind.Embedded)
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_site_that_keeps_30_days_loses_older_events_at_start_and_again_as_days_pass_while_others_keep_theirs()
    {
        var sites = new ClickHouseSiteStore(Store, _time);
        await sites.SaveAsync(new Site { Id = "shop", Name = "Shop", RetentionDays = 30 });
        await sites.SaveAsync(new Site { Id = "keep", Name = "Keep" });
        await new ClickHouseEventWriter(Store).WriteAsync(
        [
            Pageview("shop", new(2026, 10, 20, 9, 0, 0, TimeSpan.Zero)), Pageview("shop", new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero)),
            Pageview("keep", new(2026, 10, 20, 9, 0, 0, TimeSpan.Zero)),
        ]);
        using var service = new RetentionService(new EventRetention(Store), sites, Options.Create(new StorageOptions()), _time, NullLogger<RetentionService>.Instance);

        await service.StartAsync(default);
        await service.WaitForRoundAsync();
        Assert.Equal([new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc)], await Timestamps("shop"));

        _time.Advance(TimeSpan.FromDays(20)); // now 21 December: the cutoff is 21 November
        await service.WaitForRoundAsync();
        Assert.Empty(await Timestamps("shop"));
        Assert.Single(await Timestamps("keep"));
        await service.StopAsync(default);
    }

    [Fact]
    public async Task A_changed_server_retention_reaches_the_tables_ttl_at_start()
    {
        var sites = new ClickHouseSiteStore(Store, _time);
        using var service = new RetentionService(new EventRetention(Store), sites, Options.Create(new StorageOptions { RetentionDays = 400 }), _time, NullLogger<RetentionService>.Instance);

        await service.StartAsync(default);
        await service.WaitForRoundAsync();
        await service.StopAsync(default);

        var engine = (string)(await Store.QueryAsync("SELECT engine_full FROM system.tables WHERE database = currentDatabase() AND name = 'events'")).Scalar()!;
        Assert.Equal(400, EventRetention.TtlDays(engine));
    }

    private async Task<IEnumerable<object?>> Timestamps(string site) =>
        (await Store.QueryAsync("SELECT timestamp FROM events WHERE site_id = {s:String} ORDER BY timestamp", new QueryParameters().Add("s", site))).Rows.Select(r => r[0]);
}
