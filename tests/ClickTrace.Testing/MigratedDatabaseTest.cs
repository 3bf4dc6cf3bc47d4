using ClickTrace.Storage;
using ClickTrace.Storage.Embedded;
using ClickTrace.Storage.Schema;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClickTrace.Testing;

/// <summary>Base of tests that need ClickTrace's schema: a fresh database of its own, migrated before each test.</summary>
public abstract class MigratedDatabaseTest : IAsyncLifetime
{
    protected EmbeddedClickHouse Store { get; } = TestEngine.NewDatabase();

    public virtual Task InitializeAsync() =>
        new Migrator(Store, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(Migrations.All(new StorageOptions()));

    public virtual Task DisposeAsync()
    {
        Store.Dispose();
        return Task.CompletedTask;
    }
}
