using ClickTrace.Core.Sites;

namespace ClickTrace.Storage.Sites;

/// <summary>Site metadata, kept in the same ClickHouse database as the events.</summary>
public interface ISiteStore
{
    Task<IReadOnlyList<Site>> ListAsync(CancellationToken cancellationToken = default);
    Task<Site?> FindAsync(string siteId, CancellationToken cancellationToken = default);
    Task SaveAsync(Site site, CancellationToken cancellationToken = default);
}
