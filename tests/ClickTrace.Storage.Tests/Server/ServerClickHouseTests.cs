using System.Net.Http.Headers;
using System.Text;
using ClickTrace.Storage.RowBinary;
using ClickTrace.Storage.Server;
using ClickTrace.Testing;
using ClickTrace.Testing.ClickHouseHttp;

namespace ClickTrace.Storage.Tests.Server;

/// <summary>What the server adapter adds to the seam's contract: retries, compression, credentials, cancellation.</summary>
public sealed class ServerClickHouseTests : IDisposable
{
    private static ClickHouseHttpEndpoint Endpoint => ClickHouseHttpEndpoint.Shared;

    private readonly ServerClickHouse _store = new(TestStores.ServerOptions(), TestEngine.UniqueDatabaseName("srv"));

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task A_transient_server_error_is_retried_until_the_statement_succeeds()
    {
        await _store.QueryAsync("SELECT 1");
        Endpoint.FailNext(_store.Database, 2, Fault.TooManyParts);

        Assert.Equal((byte)42, (await _store.QueryAsync("SELECT 42")).Scalar());
        Assert.Equal(3, Endpoint.Seen(_store.Database).Count(r => r.Sql.Contains("SELECT 42", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_proxy_that_is_briefly_unavailable_is_retried()
    {
        await _store.QueryAsync("SELECT 1");
        Endpoint.FailNext(_store.Database, 1, Fault.ProxyUnavailable);

        Assert.Equal((byte)7, (await _store.QueryAsync("SELECT 7")).Scalar());
    }

    [Fact]
    public async Task A_permanent_error_is_reported_at_once_with_its_code()
    {
        await _store.QueryAsync("SELECT 1");
        Endpoint.FailNext(_store.Database, 1, Fault.SyntaxError);

        var error = await Assert.ThrowsAsync<ClickHouseException>(() => _store.QueryAsync("SELECT 8"));

        Assert.Equal(62, error.Code);
        Assert.Equal("SYNTAX_ERROR", error.Name);
        Assert.Single(Endpoint.Seen(_store.Database), r => r.Sql.Contains("SELECT 8", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retries_give_up_after_the_configured_attempts()
    {
        using var store = new ServerClickHouse(WithOptions(o => o.MaxRetries = 2), TestEngine.UniqueDatabaseName("srv"));
        await store.QueryAsync("SELECT 1");
        Endpoint.FailNext(store.Database, 5, Fault.TooManyParts);

        var error = await Assert.ThrowsAsync<ClickHouseException>(() => store.QueryAsync("SELECT 9"));

        Assert.Equal("TOO_MANY_PARTS", error.Name);
        Assert.Equal(3, Endpoint.Seen(store.Database).Count(r => r.Sql.Contains("SELECT 9", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_insert_with_a_deduplication_token_is_retried_and_stored_once()
    {
        await _store.ExecuteAsync("CREATE TABLE items (n UInt64) ENGINE = MergeTree ORDER BY n SETTINGS non_replicated_deduplication_window = 100");
        Endpoint.FailNext(_store.Database, 1, Fault.TooManyParts);

        var written = await _store.InsertRowBinaryAsync("items", ["n"], Rows(1, 2, 3), "ship-17");

        Assert.Equal(3UL, written);
        Assert.Equal(3UL, (await _store.QueryAsync("SELECT count() FROM items")).Scalar());
        var insert = Endpoint.Seen(_store.Database).Last(r => r.Sql.StartsWith("INSERT", StringComparison.Ordinal));
        Assert.Equal("ship-17", insert.Setting("insert_deduplication_token"));
        Assert.Equal("gzip", insert.ContentEncoding);
    }

    [Fact]
    public async Task An_insert_without_a_deduplication_token_is_not_retried()
    {
        await _store.ExecuteAsync("CREATE TABLE items (n UInt64) ENGINE = MergeTree ORDER BY n");
        Endpoint.FailNext(_store.Database, 1, Fault.TooManyParts);

        await Assert.ThrowsAsync<ClickHouseException>(() => _store.InsertRowBinaryAsync("items", ["n"], Rows(1)));

        Assert.Single(Endpoint.Seen(_store.Database), r => r.Sql.StartsWith("INSERT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_connection_is_retried()
    {
        await _store.QueryAsync("SELECT 1");
        Endpoint.FailNext(_store.Database, 2, Fault.Refused);

        Assert.Equal((byte)5, (await _store.QueryAsync("SELECT 5")).Scalar());
    }

    [Fact]
    public async Task An_insert_whose_answer_was_lost_is_retried_with_its_token_and_stored_once()
    {
        await _store.ExecuteAsync("CREATE TABLE items (n UInt64) ENGINE = MergeTree ORDER BY n SETTINGS non_replicated_deduplication_window = 100");
        Endpoint.FailNext(_store.Database, 1, Fault.LostAnswer, insertsOnly: true);

        await _store.InsertRowBinaryAsync("items", ["n"], Rows(1, 2, 3), "ship-lost");

        Assert.Equal(2, Endpoint.Seen(_store.Database).Count(r => r.Sql.StartsWith("INSERT", StringComparison.Ordinal)));
        Assert.Equal(3UL, (await _store.QueryAsync("SELECT count() FROM items")).Scalar());
    }

    [Fact]
    public async Task An_insert_answered_after_the_http_timeout_is_retried_and_still_stored_once()
    {
        using var store = new ServerClickHouse(WithOptions(o => o.Timeout = TimeSpan.FromSeconds(1)), TestEngine.UniqueDatabaseName("srv"));
        await store.ExecuteAsync("CREATE TABLE items (n UInt64) ENGINE = MergeTree ORDER BY n SETTINGS non_replicated_deduplication_window = 100");
        // The first attempt outlives the client's 2 s; it is stored after the retry, with the same token.
        Endpoint.FailNext(store.Database, 1, Fault.SlowBy(TimeSpan.FromSeconds(3)), insertsOnly: true);

        await store.InsertRowBinaryAsync("items", ["n"], Rows(1, 2, 3), "ship-slow");
        await Endpoint.IdleAsync(store.Database);

        Assert.Equal(2, Endpoint.Seen(store.Database).Count(r => r.Sql.StartsWith("INSERT", StringComparison.Ordinal)));
        Assert.Equal(3UL, (await store.QueryAsync("SELECT count() FROM items")).Scalar());
    }

    [Fact]
    public async Task A_statement_past_its_timeout_is_stopped_by_the_server_and_not_retried()
    {
        using var store = new ServerClickHouse(WithOptions(o => o.Timeout = TimeSpan.FromSeconds(1)), TestEngine.UniqueDatabaseName("srv"));

        var error = await Assert.ThrowsAsync<ClickHouseException>(() =>
            store.QueryAsync("SELECT sum(sleepEachRow(0.25)) FROM numbers(20) SETTINGS max_block_size = 1"));

        Assert.Equal("TIMEOUT_EXCEEDED", error.Name);
        Assert.Single(Endpoint.Seen(store.Database), r => r.Sql.Contains("sleepEachRow", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_insert_select_is_not_retried_since_a_lost_answer_may_have_stored_its_rows()
    {
        await _store.ExecuteAsync("CREATE TABLE filled (n UInt64) ENGINE = MergeTree ORDER BY n");
        Endpoint.FailNext(_store.Database, 1, Fault.LostAnswer);

        await Assert.ThrowsAsync<HttpRequestException>(() => _store.ExecuteAsync("INSERT INTO filled SELECT number FROM numbers(3)"));

        Assert.Equal(3UL, (await _store.QueryAsync("SELECT count() FROM filled")).Scalar());
    }

    [Fact]
    public async Task Values_travel_as_bound_parameters_never_inside_the_sql()
    {
        const string hostile = "x'); DROP TABLE events; --";

        var result = await _store.QueryAsync("SELECT {value:String}", new QueryParameters().Add("value", hostile));

        Assert.Equal(hostile, result.Scalar());
        var seen = Endpoint.Seen(_store.Database).Last();
        Assert.Equal(1, seen.Parameters);
        Assert.DoesNotContain("DROP", seen.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_database_is_created_when_missing()
    {
        await _store.ExecuteAsync("CREATE TABLE t (n UInt8) ENGINE = MergeTree ORDER BY n");

        var result = await _store.QueryAsync("SELECT currentDatabase()");

        Assert.Equal(_store.Database, result.Scalar());
    }

    [Fact]
    public async Task A_wrong_password_is_an_authentication_error_that_names_no_password()
    {
        using var store = new ServerClickHouse(WithOptions(o => o.Password = "wrong-password"), TestEngine.UniqueDatabaseName("srv"));

        var error = await Assert.ThrowsAsync<ClickHouseException>(() => store.QueryAsync("SELECT 1"));

        Assert.Equal(516, error.Code);
        Assert.DoesNotContain("wrong-password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_fails_after_its_retries_with_a_network_error()
    {
        using var store = new ServerClickHouse(
            new ServerOptions { ConnectionString = "Host=127.0.0.1;Port=1;Username=x", MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(1) }, "nowhere");

        await Assert.ThrowsAsync<HttpRequestException>(() => store.QueryAsync("SELECT 1"));
    }

    [Fact]
    public async Task A_cancelled_query_ends_with_cancellation()
    {
        await _store.QueryAsync("SELECT 1");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _store.QueryAsync("SELECT sum(sleepEachRow(0.1)) FROM numbers(30) SETTINGS max_block_size = 1", cancellationToken: cancel.Token));
    }

    [Fact]
    public async Task The_fixture_reads_zstd_encoded_bodies_like_the_server()
    {
        using var http = new HttpClient();
        using var compressor = new ZstdSharp.Compressor();
        var sql = compressor.Wrap(Encoding.UTF8.GetBytes("SELECT 40 + 2")).ToArray();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Endpoint.Address, "/?default_format=TabSeparated")) { Content = new ByteArrayContent(sql) };
        request.Content.Headers.ContentEncoding.Add("zstd");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClickHouseHttpEndpoint.User}:{ClickHouseHttpEndpoint.Password}")));

        using var response = await http.SendAsync(request);

        Assert.Equal("42\n", await response.Content.ReadAsStringAsync());
        Assert.Equal("TabSeparated", response.Headers.GetValues("X-ClickHouse-Format").Single());
    }

    private static ServerOptions WithOptions(Action<ServerOptions> change)
    {
        var options = TestStores.ServerOptions();
        change(options);
        return options;
    }

    private static ReadOnlyMemory<byte> Rows(params ulong[] values)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new RowBinaryWriter(buffer);
        foreach (var value in values) writer.UInt64(value);
        return buffer.WrittenMemory;
    }
}
