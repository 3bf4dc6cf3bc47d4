using ClickTrace.Storage;
using ClickTrace.Storage.Server;
using ClickTrace.Testing.ClickHouseHttp;

namespace ClickTrace.Testing;

/// <summary>The two adapters of the storage seam, which the same storage and analytics tests run against.</summary>
public enum StoreKind
{
    /// <summary>The embedded engine, in process.</summary>
    Embedded,

    /// <summary>ClickHouse.Driver over HTTP, to <see cref="ClickHouseHttpEndpoint"/> serving the embedded engine.</summary>
    Server,
}

public static class TestStores
{
    /// <summary>A store of <paramref name="kind"/> over a database no other test uses.</summary>
    public static IClickHouse NewDatabase(StoreKind kind, string prefix = "t") => kind switch
    {
        StoreKind.Embedded => TestEngine.NewDatabase(prefix),
        StoreKind.Server => new ServerClickHouse(ServerOptions(), TestEngine.UniqueDatabaseName(prefix)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Options that reach <see cref="ClickHouseHttpEndpoint.Shared"/>, retrying quickly.</summary>
    public static ServerOptions ServerOptions() => new()
    {
        ConnectionString = ClickHouseHttpEndpoint.Shared.ConnectionString,
        Password = ClickHouseHttpEndpoint.Password,
        RetryDelay = TimeSpan.FromMilliseconds(10),
    };
}
