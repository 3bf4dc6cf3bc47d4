using System.Collections.Frozen;
using ClickTrace.Core.Sites;
using ClickTrace.Storage.Sites;

namespace ClickTrace.Collector.Sites;

/// <summary>
/// The collector's view of the known sites: a snapshot refreshed from the store every
/// <see cref="MaxAge"/>, and at most every <see cref="MissInterval"/> on an unknown key, so that a new
/// site works within seconds while a flood of made-up keys cannot flood the store.
/// </summary>
public sealed class SiteRegistry(ISiteStore store, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MissInterval = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private FrozenDictionary<string, Site> _sites = FrozenDictionary<string, Site>.Empty;
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;

    public async ValueTask<Site?> FindAsync(string siteId, CancellationToken cancellationToken)
    {
        var age = time.GetUtcNow() - _loadedAt;
        var found = _sites.TryGetValue(siteId, out var site);
        if (age < MaxAge && (found || age < MissInterval)) return site;
        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        return _sites.GetValueOrDefault(siteId);
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
