using System.Collections.Frozen;
using ClickTrace.Core.Sites;
using ClickTrace.Storage.Sites;

namespace ClickTrace.Collector.Sites;

/// <summary>
/// The collector's view of the known sites: a snapshot refreshed from the store every
/// <see cref="MaxAge"/>, and at most every <see cref="MissInterval"/> on an unknown key, so that a new
/// site works within seconds while a flood of made-up keys cannot flood the store. A known site is always
/// answered from the snapshot: past its age the snapshot is refreshed behind the request (at most one refresh
/// at a time, and one try per <see cref="MissInterval"/>), so requests never wait for the store, whether it is
/// busy storing a backlog or down.
/// </summary>
public sealed class SiteRegistry(ISiteStore store, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MissInterval = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private FrozenDictionary<string, Site> _sites = FrozenDictionary<string, Site>.Empty;
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;
    private DateTimeOffset _triedBehindAt = DateTimeOffset.MinValue;
    private int _refreshingBehind;

    /// <summary>The last refresh started behind a request (completed when none ran), for tests.</summary>
    internal Task BehindRefresh { get; private set; } = Task.CompletedTask;

    public async ValueTask<Site?> FindAsync(string siteId, CancellationToken cancellationToken)
    {
        var loadedAt = _loadedAt;
        var age = time.GetUtcNow() - loadedAt;
        var found = _sites.TryGetValue(siteId, out var site);
        if (age < MaxAge && (found || age < MissInterval)) return site;
        if (found && loadedAt != DateTimeOffset.MinValue) // stale, not invalidated: answer now, refresh behind
        {
            RefreshBehind();
            return site;
        }
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        return _sites.GetValueOrDefault(siteId);
    }

    private void RefreshBehind()
    {
        var now = time.GetUtcNow();
        if (now - _triedBehindAt < MissInterval || Interlocked.CompareExchange(ref _refreshingBehind, 1, 0) != 0) return;
        _triedBehindAt = now;
        BehindRefresh = Task.Run(async () =>
        {
            try
            {
                await RefreshAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The store is down or busy: the snapshot stays in use, and a later request tries again.
            }
            finally
            {
                Volatile.Write(ref _refreshingBehind, 0);
            }
        });
    }

    /// <summary>Forget the snapshot (after a site was created or changed here).</summary>
    public void Invalidate() => _loadedAt = DateTimeOffset.MinValue;

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var before = _loadedAt;
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_loadedAt != before) return; // another request refreshed while this one waited
            _sites = (await store.ListAsync(cancellationToken).ConfigureAwait(false)).ToFrozenDictionary(s => s.Id);
            _loadedAt = time.GetUtcNow();
        }
        finally
        {
            _refresh.Release();
        }
    }
}
