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
