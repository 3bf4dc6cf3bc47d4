using System.Globalization;
using ClickTrace.Storage.RowBinary;
using ClickTrace.Testing;

namespace ClickTrace.Storage.Tests;

/// <summary>
/// What every adapter of the storage seam promises, run against each: the embedded engine and ClickHouse.Driver
/// over HTTP (<see cref="ClickTrace.Testing.ClickHouseHttp.ClickHouseHttpEndpoint"/>).
/// </summary>
public abstract class StoreContractTests(StoreKind kind) : IDisposable
{
    protected StoreKind Kind { get; } = kind;

    protected IClickHouse Store { get; } = TestStores.NewDatabase(kind);

    public void Dispose() => (Store as IDisposable)?.Dispose();

    [Fact]
    public async Task Query_returns_typed_values()
    {
        var result = await Store.QueryAsync(
            "SELECT toUInt64(42) AS n, 'x' AS s, toDateTime64('2026-01-02 03:04:05.678', 3, 'UTC') AS t, " +
            "toUUID('01234567-89ab-cdef-0123-456789abcdef') AS u, [1, 2] AS a, CAST(NULL AS Nullable(Int32)) AS z, toLowCardinality('lc') AS lc");

        Assert.Equal(["n", "s", "t", "u", "a", "z", "lc"], result.Columns);
        var row = Assert.Single(result.Rows);
        Assert.Equal(42UL, row[0]);
        Assert.Equal("x", row[1]);
        Assert.Equal(new DateTime(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc), row[2]);
        Assert.Equal(Guid.Parse("01234567-89ab-cdef-0123-456789abcdef"), row[3]);
        Assert.Equal(new object[] { (byte)1, (byte)2 }, (object?[])row[4]!);
        Assert.Null(row[5]);
        Assert.Equal("lc", row[6]);
    }

    [Theory]
    [InlineData("it's \"quoted\"")]
    [InlineData("back\\slash \\n not a newline")]
    [InlineData("tab\there\nnew line\r\nwindows")]
    [InlineData("'; DROP TABLE events; --")]
    [InlineData("unicode: ünïcödé 🖱️ \u0001")]
    public async Task String_parameter_round_trips_unchanged(string value)
    {
        var result = await Store.QueryAsync("SELECT {value:String} AS v", new QueryParameters().Add("value", value));

        Assert.Equal(value, result.Scalar());
    }

    [Fact]
    public async Task Parameters_of_other_types_are_bound_by_their_placeholder_type()
    {
        var at = new DateTimeOffset(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);
        var id = Guid.NewGuid();
        var result = await Store.QueryAsync(
            "SELECT {n:Int64} + 1, {at:DateTime64(3, 'UTC')}, {id:UUID}, {list:Array(String)}",
            new QueryParameters().Add("n", 41L).Add("at", at).Add("id", id).Add("list", ["a'b", "c\\d"]));

        var row = Assert.Single(result.Rows);
        Assert.Equal(42L, Convert.ToInt64(row[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(at.UtcDateTime, row[1]);
        Assert.Equal(id, row[2]);
        Assert.Equal(new object[] { "a'b", "c\\d" }, (object?[])row[3]!);
    }

    [Fact]
    public async Task Inserted_rows_read_back()
    {
        await Store.ExecuteAsync("CREATE TABLE items (id UUID, name String, at DateTime64(3, 'UTC'), n UInt32) ENGINE = MergeTree ORDER BY id");
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new RowBinaryWriter(buffer);
        var at = new DateTimeOffset(2026, 5, 6, 7, 8, 9, 10, TimeSpan.Zero);
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            writer.Uuid(id);
            writer.String($"name\t{i}\n");
            writer.DateTime64Millis(at);
            writer.UInt32((uint)i);
        }

        var written = await Store.InsertRowBinaryAsync("items", ["id", "name", "at", "n"], buffer.WrittenMemory);
        var result = await Store.QueryAsync("SELECT id, name, at FROM items ORDER BY n");

        Assert.Equal(2UL, written);
        Assert.Equal(ids, result.Rows.Select(r => (Guid)r[0]!));
        Assert.Equal(["name\t0\n", "name\t1\n"], result.Rows.Select(r => (string)r[1]!));
        Assert.All(result.Rows, r => Assert.Equal(at.UtcDateTime, r[2]));
    }

    [Fact]
    public async Task Engine_error_becomes_an_exception_with_code_and_name()
    {
        var error = await Assert.ThrowsAsync<ClickHouseException>(() => Store.QueryAsync("SELECT * FROM no_such_table"));

        Assert.Equal(60, error.Code);
        Assert.Equal("UNKNOWN_TABLE", error.Name);
        Assert.Contains("no_such_table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Syntax_error_is_reported_and_the_connection_stays_usable()
    {
        var error = await Assert.ThrowsAsync<ClickHouseException>(() => Store.QueryAsync("SELEC 1"));
        Assert.Equal("SYNTAX_ERROR", error.Name);

        Assert.Equal((byte)1, (await Store.QueryAsync("SELECT 1")).Scalar());
    }

    [Fact]
    public async Task Bad_insert_data_is_reported()
    {
        await Store.ExecuteAsync("CREATE TABLE strict (n UInt64) ENGINE = MergeTree ORDER BY n");

        await Assert.ThrowsAsync<ClickHouseException>(() => Store.InsertRowBinaryAsync("strict", ["n"], new byte[] { 1, 2, 3 }));
    }

    [Fact]
    public async Task Two_stores_do_not_see_each_others_data()
    {
        using var other = (IDisposable)TestStores.NewDatabase(Kind);
        var otherStore = (IClickHouse)other;
        await Store.ExecuteAsync("CREATE TABLE shared_name (n UInt8) ENGINE = MergeTree ORDER BY n");
        await otherStore.ExecuteAsync("CREATE TABLE shared_name (n UInt8) ENGINE = MergeTree ORDER BY n");

        await Store.ExecuteAsync("INSERT INTO shared_name VALUES (1), (2)");
        await otherStore.ExecuteAsync("INSERT INTO shared_name VALUES (9)");

        Assert.Equal(2UL, (await Store.QueryAsync("SELECT count() FROM shared_name")).Scalar());
        Assert.Equal(1UL, (await otherStore.QueryAsync("SELECT count() FROM shared_name")).Scalar());
    }

    [Fact]
    public async Task Concurrent_queries_share_the_pool()
    {
        var sums = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Store.QueryAsync("SELECT sum(number) FROM numbers({n:UInt32})", new QueryParameters().Add("n", (long)(1000 + i)))));

        Assert.Equal(Enumerable.Range(0, 16).Select(i => (ulong)((1000 + i) * (999 + i) / 2)), sums.Select(s => (ulong)s.Scalar()!));
    }

    [Fact]
    public async Task An_insert_repeated_with_its_deduplication_token_is_stored_once()
    {
        await Store.ExecuteAsync("CREATE TABLE dedup (n UInt64) ENGINE = MergeTree ORDER BY n SETTINGS non_replicated_deduplication_window = 100");
        var rows = new System.Buffers.ArrayBufferWriter<byte>();
        new RowBinaryWriter(rows).UInt64(7);

        await Store.InsertRowBinaryAsync("dedup", ["n"], rows.WrittenMemory, "batch-1");
        await Store.InsertRowBinaryAsync("dedup", ["n"], rows.WrittenMemory, "batch-1");
        await Store.InsertRowBinaryAsync("dedup", ["n"], rows.WrittenMemory, "batch-2");

        Assert.Equal(2UL, (await Store.QueryAsync("SELECT count() FROM dedup")).Scalar());
    }
}

public sealed class EmbeddedStoreContractTests() : StoreContractTests(StoreKind.Embedded);

public sealed class ServerStoreContractTests() : StoreContractTests(StoreKind.Server);
