using ClickTrace.Core.Sites;

namespace ClickTrace.Storage.Sites;

/// <summary>Sites in a ReplacingMergeTree table: a save is an insert of the newest version, reads use FINAL.</summary>
public sealed class ClickHouseSiteStore(IClickHouse store, TimeProvider time) : ISiteStore
{
    private const string Select = "SELECT site_id, name, allowed_origins, time_zone, created_at, retention_days FROM sites FINAL WHERE deleted = 0";

    public async Task<IReadOnlyList<Site>> ListAsync(CancellationToken cancellationToken = default) =>
        (await store.QueryAsync(Select + " ORDER BY site_id", cancellationToken: cancellationToken).ConfigureAwait(false)).Rows.Select(Map).ToList();

    public async Task<Site?> FindAsync(string siteId, CancellationToken cancellationToken = default) =>
        (await store.QueryAsync(Select + " AND site_id = {id:String}", new QueryParameters().Add("id", siteId), cancellationToken).ConfigureAwait(false))
            .Rows.Select(Map).FirstOrDefault();

    public Task SaveAsync(Site site, CancellationToken cancellationToken = default)
    {
        if (!Site.IsValidId(site.Id)) throw new ArgumentException($"'{site.Id}' is not a valid site key.", nameof(site));
        if (site.RetentionDays is < 1 or > ushort.MaxValue) throw new ArgumentOutOfRangeException(nameof(site), site.RetentionDays, "A site keeps its events 1 to 65535 days.");
        var now = time.GetUtcNow();
        return store.ExecuteAsync(
            """
            INSERT INTO sites (site_id, name, allowed_origins, time_zone, retention_days, created_at, updated_at)
            VALUES ({id:String}, {name:String}, {origins:Array(String)}, {tz:String}, {retention:UInt16}, {created:DateTime64(3, 'UTC')}, {updated:DateTime64(3, 'UTC')})
            """,
            new QueryParameters()
                .Add("id", site.Id).Add("name", site.Name).Add("origins", site.AllowedOrigins).Add("tz", site.TimeZone).Add("retention", site.RetentionDays ?? 0)
                .Add("created", site.CreatedAt == default ? now : site.CreatedAt).Add("updated", now),
            cancellationToken);
    }

    private static Site Map(object?[] row) => new()
    {
        Id = (string)row[0]!,
        Name = (string)row[1]!,
        AllowedOrigins = ((object?[])row[2]!).Cast<string>().ToList(),
        TimeZone = (string)row[3]!,
        CreatedAt = new DateTimeOffset((DateTime)row[4]!, TimeSpan.Zero),
        RetentionDays = Convert.ToInt32(row[5], System.Globalization.CultureInfo.InvariantCulture) is > 0 and var days ? days : null, // 0: the server's
    };
}
