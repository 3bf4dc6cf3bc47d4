using ClickTrace.Storage;
using ClickTrace.Storage.Schema;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClickTrace.Testing;

/// <summary>
/// Base of tests that need ClickTrace's schema: a fresh database of its own, migrated before each test, on
/// the adapter the concrete class names (each such test class runs once per <see cref="StoreKind"/>).
/// </summary>
public abstract class MigratedDatabaseTest(StoreKind kind = StoreKind.Embedded) : IAsyncLifetime
{
    protected StoreKind Kind { get; } = kind;

    protected IClickHouse Store { get; } = TestStores.NewDatabase(kind);

    public virtual Task InitializeAsync() =>
        new Migrator(Store, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(Migrations.All(new StorageOptions()));

    public virtual Task DisposeAsync()
    {
        (Store as IDisposable)?.Dispose();
        return Task.CompletedTask;
    }
}
