using ClickTrace.Storage.Sites;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClickTrace.Storage.Retention;

/// <summary>
/// At start the tables' TTL follows <see cref="StorageOptions.RetentionDays"/>; then, at once and every
/// <see cref="StorageOptions.RetentionSweepEvery"/>, each site that keeps its events for fewer days has the
/// older ones deleted. A failed round is logged and tried again at the next.
/// </summary>
public sealed partial class RetentionService(
    EventRetention retention, ISiteStore sites, IOptions<StorageOptions> options, TimeProvider time, ILogger<RetentionService> logger) : BackgroundService
{
    private readonly SemaphoreSlim _rounds = new(0);

    /// <summary>Waits until a round has ended that no earlier call waited for (for tests and diagnostics).</summary>
    public Task WaitForRoundAsync(CancellationToken cancellationToken = default) => _rounds.WaitAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var days = options.Value.RetentionDays;
        try
        {
            if (await retention.ApplyTableTtlAsync(days, stoppingToken).ConfigureAwait(false) is { Count: > 0 } changed)
                LogTtlChanged(days, string.Join(", ", changed));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogTtlFailed(e, days);
        }
        using var timer = new PeriodicTimer(options.Value.RetentionSweepEvery, time);
        try
        {
            do
            {
                await SweepOnceAsync(stoppingToken).ConfigureAwait(false);
                _rounds.Release();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One round: the events each site keeps no longer are deleted. Returns the events deleted per site.</summary>
    public async Task<IReadOnlyDictionary<string, long>> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var deleted = new Dictionary<string, long>(StringComparer.Ordinal);
        var serverDays = options.Value.RetentionDays;
        try
        {
            foreach (var site in (await sites.ListAsync(cancellationToken).ConfigureAwait(false)).Where(s => RetentionPolicy.NeedsSweep(s, serverDays)))
            {
                var days = RetentionPolicy.Days(site, serverDays);
                var count = await retention.DeleteBeforeAsync(site.Id, RetentionPolicy.Cutoff(time.GetUtcNow(), days), cancellationToken).ConfigureAwait(false);
                deleted[site.Id] = count;
                if (count > 0) LogDeleted(count, site.Id, days);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSweepFailed(e);
        }
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention of {Days} days set on {Tables}.")]
    private partial void LogTtlChanged(int days, string tables);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not set the retention of {Days} days on the tables; they keep their TTL.")]
    private partial void LogTtlFailed(Exception exception, int days);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} events of site {Site}, which keeps them {Days} days.")]
    private partial void LogDeleted(long count, string site, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The retention sweep failed; it runs again at the next round.")]
    private partial void LogSweepFailed(Exception exception);
}
