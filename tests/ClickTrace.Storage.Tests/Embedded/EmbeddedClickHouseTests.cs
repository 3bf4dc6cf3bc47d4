using ClickTrace.Storage;
using ClickTrace.Storage.Embedded;
using ClickTrace.Storage.RowBinary;
using ClickTrace.Testing;

namespace ClickTrace.Storage.Tests.Embedded;

public sealed class EmbeddedClickHouseTests : IDisposable
{
    private readonly EmbeddedClickHouse _store = TestEngine.NewDatabase();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Query_returns_typed_values()
    {
        var result = await _store.QueryAsync(
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
        var result = await _store.QueryAsync("SELECT {value:String} AS v", new QueryParameters().Add("value", value));

        Assert.Equal(value, result.Scalar());
    }

    [Fact]
    public async Task Parameters_of_other_types_are_bound_by_their_placeholder_type()
    {
        var at = new DateTimeOffset(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);
        var id = Guid.NewGuid();
        var result = await _store.QueryAsync(
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
        await _store.ExecuteAsync("CREATE TABLE items (id UUID, name String, at DateTime64(3, 'UTC'), n UInt32) ENGINE = MergeTree ORDER BY id");
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

        var written = await _store.InsertRowBinaryAsync("items", ["id", "name", "at", "n"], buffer.WrittenMemory);
        var result = await _store.QueryAsync("SELECT id, name, at FROM items ORDER BY n");

        Assert.Equal(2UL, written);
        Assert.Equal(ids, result.Rows.Select(r => (Guid)r[0]!));
        Assert.Equal(["name\t0\n", "name\t1\n"], result.Rows.Select(r => (string)r[1]!));
        Assert.All(result.Rows, r => Assert.Equal(at.UtcDateTime, r[2]));
    }

    [Fact]
    public async Task Engine_error_becomes_an_exception_with_code_and_name()
    {
        var error = await Assert.ThrowsAsync<ClickHouseException>(() => _store.QueryAsync("SELECT * FROM no_such_table"));

        Assert.Equal(60, error.Code);
        Assert.Equal("UNKNOWN_TABLE", error.Name);
        Assert.Contains("no_such_table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Syntax_error_is_reported_and_the_connection_stays_usable()
    {
        var error = await Assert.ThrowsAsync<ClickHouseException>(() => _store.QueryAsync("SELEC 1"));
        Assert.Equal("SYNTAX_ERROR", error.Name);

        Assert.Equal((byte)1, (await _store.QueryAsync("SELECT 1")).Scalar());
    }

    [Fact]
    public async Task Bad_insert_data_is_reported()
    {
        await _store.ExecuteAsync("CREATE TABLE strict (n UInt64) ENGINE = MergeTree ORDER BY n");

        await Assert.ThrowsAsync<ClickHouseException>(() => _store.InsertRowBinaryAsync("strict", ["n"], new byte[] { 1, 2, 3 }));
    }

    [Fact]
    public async Task Two_stores_do_not_see_each_others_data()
    {
        using var other = TestEngine.NewDatabase();
        await _store.ExecuteAsync("CREATE TABLE shared_name (n UInt8) ENGINE = MergeTree ORDER BY n");
        await other.ExecuteAsync("CREATE TABLE shared_name (n UInt8) ENGINE = MergeTree ORDER BY n");

        await _store.ExecuteAsync("INSERT INTO shared_name VALUES (1), (2)");
        await other.ExecuteAsync("INSERT INTO shared_name VALUES (9)");

        Assert.Equal(2UL, (await _store.QueryAsync("SELECT count() FROM shared_name")).Scalar());
        Assert.Equal(1UL, (await other.QueryAsync("SELECT count() FROM shared_name")).Scalar());
    }

    [Fact]
    public async Task Concurrent_queries_share_the_pool()
    {
        var sums = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            _store.QueryAsync("SELECT sum(number) FROM numbers({n:UInt32})", new QueryParameters().Add("n", (long)(1000 + i)))));

        Assert.Equal(Enumerable.Range(0, 16).Select(i => (ulong)((1000 + i) * (999 + i) / 2)), sums.Select(s => (ulong)s.Scalar()!));
    }

    [Fact]
    public async Task Disposing_waits_for_the_running_statement_before_closing_its_connection()
    {
        var store = TestEngine.NewDatabase();
        var running = store.QueryAsync("SELECT sum(sleepEachRow(0.5)) FROM numbers(4) SETTINGS max_block_size = 1, log_comment = 'dispose-wait'");
        await RunningAsync("dispose-wait");   // closing its connection now would free memory the statement uses

        store.Dispose();

        // Closed under it, the statement would fail or take the process down; it ends with its result.
        Assert.Equal(0.0, Convert.ToDouble((await running).Scalar(), System.Globalization.CultureInfo.InvariantCulture));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.QueryAsync("SELECT 1"));
    }

    [Fact]
    public async Task Statements_waiting_for_a_connection_when_the_store_is_disposed_are_refused_not_run()
    {
        var store = new EmbeddedClickHouse(TestEngine.StoragePath, TestEngine.UniqueDatabaseName("t"), maxConnections: 1);
        var running = store.QueryAsync("SELECT sleepEachRow(0.5) FROM numbers(1) SETTINGS log_comment = 'dispose-queued'");
        await RunningAsync("dispose-queued");
        var queued = store.ExecuteAsync("CREATE TABLE never (n UInt8) ENGINE = Memory");
        store.Dispose();

        await running;
        await Assert.ThrowsAsync<ObjectDisposedException>(() => queued);
    }

    /// <summary>Waits until the engine (shared by every store of the process) runs the statement with this log comment.</summary>
    private Task RunningAsync(string comment) => Eventually.Until(
        () => _store.QueryAsync("SELECT count() FROM system.processes WHERE Settings['log_comment'] = {c:String}", new QueryParameters().Add("c", comment)),
        result => Convert.ToInt64(result.Scalar(), System.Globalization.CultureInfo.InvariantCulture) > 0, $"the statement '{comment}' to run");

    [Fact]
    public void Opening_a_second_folder_while_connections_are_open_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new EmbeddedClickHouse(Path.Combine(TestEngine.StoragePath, "elsewhere"), "x"));

        Assert.Contains("by database, not by folder", error.Message, StringComparison.Ordinal);
    }
}
