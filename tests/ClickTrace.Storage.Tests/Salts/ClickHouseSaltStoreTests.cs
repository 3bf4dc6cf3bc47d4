using ClickTrace.Storage.Salts;
using ClickTrace.Testing;

namespace ClickTrace.Storage.Tests.Salts;

public abstract class ClickHouseSaltStoreTests(StoreKind kind) : MigratedDatabaseTest(kind)
{
    [Fact]
    public async Task A_day_has_one_salt_and_another_day_another()
    {
        var salts = new ClickHouseSaltStore(Store);
        var day = DateOnly.FromDateTime(DateTime.UtcNow);

        var first = await salts.GetOrCreateAsync(day);
        var again = await salts.GetOrCreateAsync(day);
        var next = await salts.GetOrCreateAsync(day.AddDays(1));

        Assert.Equal(32, first.Length);
        Assert.Equal(first, again);
        Assert.NotEqual(first, next);
    }

    [Fact]
    public async Task Collectors_racing_for_a_new_day_agree_on_one_salt()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);

        var salts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => new ClickHouseSaltStore(Store).GetOrCreateAsync(day)));

        Assert.Single(salts.Select(Convert.ToHexString).Distinct());
    }

    [Fact]
    public async Task Salts_older_than_yesterday_are_deleted_when_a_new_day_starts()
    {
        // Days relative to today: the table's TTL would drop a salt of a long-gone day on its own.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var salts = new ClickHouseSaltStore(Store);
        await salts.GetOrCreateAsync(today.AddDays(-1));
        await salts.GetOrCreateAsync(today);

        await salts.GetOrCreateAsync(today.AddDays(2));

        Assert.Equal([today.AddDays(2)], (await Store.QueryAsync("SELECT day FROM salts")).Rows.Select(r => DateOnly.FromDateTime((DateTime)r[0]!)));
    }
}

public sealed class EmbeddedClickHouseSaltStoreTests() : ClickHouseSaltStoreTests(StoreKind.Embedded);

public sealed class ServerClickHouseSaltStoreTests() : ClickHouseSaltStoreTests(StoreKind.Server);
