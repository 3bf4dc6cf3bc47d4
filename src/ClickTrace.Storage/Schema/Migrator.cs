using Microsoft.Extensions.Logging;

namespace ClickTrace.Storage.Schema;

/// <summary>
/// Applies the migrations a database has not seen yet, in version order, and records each one in
/// <c>schema_migrations</c>. Running it again applies nothing twice. On a cluster each statement is sent
/// in its <see cref="ClusterDdl"/> form.
/// </summary>
public sealed class Migrator(IClickHouse store, TimeProvider time, ILogger<Migrator> logger)
{
    private const string CreateLedger = """
        CREATE TABLE IF NOT EXISTS schema_migrations
        (
            version    UInt32,
            name       String,
            applied_at DateTime64(3, 'UTC')
        )
        ENGINE = ReplacingMergeTree(applied_at)
        ORDER BY version
        """;

    /// <summary>Returns the versions it applied (empty when the schema was current).</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken = default)
    {
        foreach (var statement in OnStore(CreateLedger))
            await store.ExecuteAsync(statement, cancellationToken: cancellationToken).ConfigureAwait(false);
        var applied = (await store.QueryAsync("SELECT version FROM schema_migrations FINAL", cancellationToken: cancellationToken).ConfigureAwait(false))
            .Rows.Select(r => Convert.ToInt32(r[0], System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

        var done = new List<int>();
        foreach (var migration in migrations.OrderBy(m => m.Version).Where(m => !applied.Contains(m.Version)))
        {
            logger.LogInformation("Applying schema migration {Version} ({Name}) to {Database}", migration.Version, migration.Name, store.Database);
            foreach (var statement in migration.Statements.SelectMany(OnStore))
                await store.ExecuteAsync(statement, cancellationToken: cancellationToken).ConfigureAwait(false);
            await store.ExecuteAsync(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES ({version:UInt32}, {name:String}, {at:DateTime64(3, 'UTC')})",
                new QueryParameters().Add("version", migration.Version).Add("name", migration.Name).Add("at", time.GetUtcNow()),
                cancellationToken).ConfigureAwait(false);
            done.Add(migration.Version);
        }
        return done;
    }

    /// <summary>The statement as this store needs it: as written, or in its cluster form.</summary>
    private IReadOnlyList<string> OnStore(string statement) =>
        store.Cluster is { } cluster ? ClusterDdl.Rewrite(statement, cluster, store.Database) : [statement];
}
