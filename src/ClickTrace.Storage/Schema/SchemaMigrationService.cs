using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClickTrace.Storage.Schema;

/// <summary>Brings the schema up to date before anything else starts (hosted services start in order).</summary>
public sealed class SchemaMigrationService(Migrator migrator, IOptions<StorageOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(Migrations.All(options.Value), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
