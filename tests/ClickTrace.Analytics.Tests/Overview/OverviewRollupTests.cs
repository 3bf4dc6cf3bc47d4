using System.Text.Json;
using ClickTrace.Analytics.Overview;
using ClickTrace.Analytics.Reports;
using ClickTrace.Storage;
using ClickTrace.Storage.Events;
using ClickTrace.Storage.Schema;
using ClickTrace.Testing;
using ClickTrace.Traffic;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClickTrace.Analytics.Tests.Overview;

/// <summary>
/// The overview read from the quarter-hour rollups equals the overview read from the events: on whole days in
/// zones with half- and three-quarter-hour offsets, on periods with ragged ends, inside one quarter hour, and
/// for events stored before the rollups existed.
/// </summary>
public abstract class OverviewRollupTests(StoreKind kind) : MigratedDatabaseTest(kind)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string, string, string> Periods => new()
    {
        // from, to (instants, or yyyy-MM-dd for whole local days), time zone
        { "days", "2026-11-01", "2026-11-03", "UTC" },
        { "days", "2026-11-02", "2026-11-02", "Asia/Kolkata" },
        { "days", "2026-11-01", "2026-11-03", "Asia/Kathmandu" },
        { "days", "2026-11-01", "2026-11-02", "America/New_York" },
        { "instants", "2026-11-01T10:07:13Z", "2026-11-02T13:52:40.5Z", "UTC" },
        { "instants", "2026-11-02T09:03:00Z", "2026-11-02T09:11:00Z", "Europe/Berlin" },
        { "instants", "2026-11-01T23:59:59.999Z", "2026-11-02T00:15:00.001Z", "Asia/Kolkata" },
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public async Task The_rollups_give_the_numbers_of_the_events(string kind, string from, string to, string zone)
    {
        await new ClickHouseEventWriter(Store).WriteAsync(ShopTraffic.Generate(new ShopTrafficOptions { Seed = 7, Visitors = 500, Days = 3, Start = Start }).ToList());

        await AssertSameAsync(Query(kind, from, to, zone));
    }

    [Fact]
    public async Task Events_stored_before_the_rollups_existed_are_rolled_up_once_by_the_migration_even_when_it_runs_twice()
    {
        var store = TestStores.NewDatabase(Kind);
        try
        {
            var migrations = Migrations.All(new StorageOptions());
            var migrator = new Migrator(store, TimeProvider.System, NullLogger<Migrator>.Instance);
            // The events table as before the rollups, with the columns today's writer fills (country came later).
            await migrator.MigrateAsync(migrations.Where(m => m.Version < 7 || m.Version == 11).ToList());
            await new ClickHouseEventWriter(store).WriteAsync(ShopTraffic.Generate(new ShopTrafficOptions { Seed = 8, Visitors = 200, Days = 2, Start = Start }).ToList());
            // A first run of the rollup migration that ended before it was recorded (a crash): the next start runs it again.
            foreach (var statement in migrations.Single(m => m.Version == 7).Statements) await store.ExecuteAsync(statement);
            await migrator.MigrateAsync(migrations);
            await new ClickHouseEventWriter(store).WriteAsync(ShopTraffic.Generate(new ShopTrafficOptions { Seed = 9, Visitors = 100, Days = 2, Start = Start }).ToList());

            var query = Query("days", "2026-11-01", "2026-11-02", "UTC");
            var fromRollups = await new OverviewService(store).GetAsync(query);

            Assert.Equal(Json(await new OverviewService(store) { AlwaysFromEvents = true }.GetAsync(query)), Json(fromRollups));
            Assert.True(fromRollups.Totals.Visitors > 250, $"{fromRollups.Totals.Visitors} visitors");
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public async Task Sessions_stored_before_the_visit_and_day_rollups_are_rolled_up_once_and_the_tables_they_replace_are_gone()
    {
        var store = TestStores.NewDatabase(Kind);
        try
        {
            var migrations = Migrations.All(new StorageOptions());
            var migrator = new Migrator(store, TimeProvider.System, NullLogger<Migrator>.Instance);
            await migrator.MigrateAsync(migrations.Where(m => m.Version < 14).ToList());
            await new ClickHouseEventWriter(store).WriteAsync(ShopTraffic.Generate(new ShopTrafficOptions { Seed = 10, Visitors = 200, Days = 2, Start = Start }).ToList());
            // The visit migration cut short before it was recorded: the next start runs all of it again.
            foreach (var statement in migrations.Single(m => m.Version == 14).Statements.Take(6)) await store.ExecuteAsync(statement);
            await migrator.MigrateAsync(migrations);
            await new ClickHouseEventWriter(store).WriteAsync(ShopTraffic.Generate(new ShopTrafficOptions { Seed = 11, Visitors = 100, Days = 2, Start = Start }).ToList());

            var query = Query("instants", "2026-11-01T05:10:00Z", "2026-11-02T20:50:00Z", "Europe/Berlin");
            var fromRollups = await new OverviewService(store).GetAsync(query, limit: 50);

            Assert.Equal(Json(await new OverviewService(store) { AlwaysFromEvents = true }.GetAsync(query, limit: 50)), Json(fromRollups));
            Assert.Contains(fromRollups.Breakdowns.Single(b => b.Dimension == "country").Rows, r => r.Sessions > 10);
            Assert.Contains(fromRollups.Breakdowns.Single(b => b.Dimension == "entry").Rows, r => r.Value == Shop.Home);
            var tables = (await store.QueryAsync("SELECT name FROM system.tables WHERE database = currentDatabase() AND name IN ('session_buckets', 'country_buckets', 'page_buckets', 'click_buckets')")).Rows;
            Assert.Empty(tables);
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    private async Task AssertSameAsync(ReportQuery query)
    {
        var fromRollups = await new OverviewService(Store).GetAsync(query, limit: 50, compare: true);
        var fromEvents = await new OverviewService(Store) { AlwaysFromEvents = true }.GetAsync(query, limit: 50, compare: true);

        Assert.Equal(Json(fromEvents), Json(fromRollups));
        Assert.True(fromRollups.Totals.Pageviews > 0, "the period holds no page views: the comparison would prove nothing");
    }

    private static ReportQuery Query(string kind, string from, string to, string zone)
    {
        if (kind == "days") return new ReportQuery("shop", ReportPeriod.TryResolve("custom", from, to, zone, Start, out _)!);
        ReportPeriod.TryFindZone(zone, out var tz);
        var (first, last) = (DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        return new ReportQuery("shop", new ReportPeriod(first, last, tz, last - first <= TimeSpan.FromDays(2) ? Interval.Hour : Interval.Day));
    }

    private static string Json(OverviewReport report) => JsonSerializer.Serialize(report);
}

public sealed class EmbeddedOverviewRollupTests() : OverviewRollupTests(StoreKind.Embedded);

public sealed class ServerOverviewRollupTests() : OverviewRollupTests(StoreKind.Server);
