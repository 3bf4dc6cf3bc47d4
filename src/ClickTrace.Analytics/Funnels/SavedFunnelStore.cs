using System.Text.Json;
using System.Text.Json.Serialization;
using ClickTrace.Core.Sites;
using ClickTrace.Storage;

namespace ClickTrace.Analytics.Funnels;

/// <summary>A funnel saved under a name for a site, to be run again over any period.</summary>
public sealed record SavedFunnel(string SiteId, string Id, string Name, FunnelDefinition Definition, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>
/// Saved funnels in a ReplacingMergeTree table (the newest version of a site's funnel wins; a delete is a
/// version marked deleted), the definition kept as JSON.
/// </summary>
public sealed class SavedFunnelStore(IClickHouse store, TimeProvider time)
{
    public const int MaxPerSite = 200;
    public const int MaxNameLength = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    private const string Select = "SELECT site_id, funnel_id, name, definition, created_at, updated_at FROM funnels FINAL WHERE deleted = 0 AND site_id = {site:String}";

    public static bool IsValidId(string? id) => Site.IsValidId(id);

    public async Task<IReadOnlyList<SavedFunnel>> ListAsync(string siteId, CancellationToken cancellationToken = default) =>
        (await store.QueryAsync(Select + $" ORDER BY name, funnel_id LIMIT {MaxPerSite}", new QueryParameters().Add("site", siteId), cancellationToken).ConfigureAwait(false))
            .Rows.Select(Map).ToList();

    public async Task<SavedFunnel?> FindAsync(string siteId, string funnelId, CancellationToken cancellationToken = default) =>
        (await store.QueryAsync(Select + " AND funnel_id = {id:String}", new QueryParameters().Add("site", siteId).Add("id", funnelId), cancellationToken).ConfigureAwait(false))
            .Rows.Select(Map).FirstOrDefault();

    /// <summary>Creates or replaces the funnel; returns it as stored.</summary>
    public async Task<SavedFunnel> SaveAsync(string siteId, string funnelId, string name, FunnelDefinition definition, CancellationToken cancellationToken = default)
    {
        if (!IsValidId(funnelId)) throw new ArgumentException($"'{funnelId}' is not a valid funnel id.", nameof(funnelId));
        var existing = await FindAsync(siteId, funnelId, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        await WriteAsync(siteId, funnelId, name, JsonSerializer.Serialize(definition, Json), existing?.CreatedAt ?? now, now, deleted: false, cancellationToken).ConfigureAwait(false);
        return new SavedFunnel(siteId, funnelId, name, definition, existing?.CreatedAt ?? now, now);
    }

    /// <summary>Deletes the funnel; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string siteId, string funnelId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(siteId, funnelId, cancellationToken).ConfigureAwait(false) is not { } existing) return false;
        await WriteAsync(siteId, funnelId, existing.Name, "{}", existing.CreatedAt, time.GetUtcNow(), deleted: true, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private Task WriteAsync(string siteId, string funnelId, string name, string definition, DateTimeOffset created, DateTimeOffset updated, bool deleted, CancellationToken cancellationToken) =>
        store.ExecuteAsync(
            """
            INSERT INTO funnels (site_id, funnel_id, name, definition, created_at, updated_at, deleted)
            VALUES ({site:String}, {id:String}, {name:String}, {definition:String}, {created:DateTime64(3, 'UTC')}, {updated:DateTime64(3, 'UTC')}, {deleted:UInt8})
            """,
            new QueryParameters().Add("site", siteId).Add("id", funnelId).Add("name", name).Add("definition", definition)
                .Add("created", created).Add("updated", updated).Add("deleted", deleted ? 1 : 0),
            cancellationToken);

    private static SavedFunnel Map(object?[] row) => new(
        (string)row[0]!, (string)row[1]!, (string)row[2]!, JsonSerializer.Deserialize<FunnelDefinition>((string)row[3]!, Json)!,
        new DateTimeOffset((DateTime)row[4]!, TimeSpan.Zero), new DateTimeOffset((DateTime)row[5]!, TimeSpan.Zero));
}
