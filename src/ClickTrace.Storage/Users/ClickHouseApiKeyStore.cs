namespace ClickTrace.Storage.Users;

/// <summary>API keys in a ReplacingMergeTree table (migration 9): a save inserts the newest version, a revocation marks it deleted.</summary>
public sealed class ClickHouseApiKeyStore(IClickHouse store, TimeProvider time)
{
    private const string Select = "SELECT key_id, secret_hash, name, created_by, created_at FROM api_keys FINAL WHERE deleted = 0";

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken = default) =>
        (await store.QueryAsync(Select + " ORDER BY created_at", cancellationToken: cancellationToken).ConfigureAwait(false)).Rows.Select(Map).ToList();

    public async Task<ApiKey?> FindAsync(string keyId, CancellationToken cancellationToken = default) =>
        (await store.QueryAsync(Select + " AND key_id = {id:String}", new QueryParameters().Add("id", keyId), cancellationToken).ConfigureAwait(false))
            .Rows.Select(Map).FirstOrDefault();

    public Task SaveAsync(ApiKey key, CancellationToken cancellationToken = default) => Write(key, deleted: false, cancellationToken);

    public Task RevokeAsync(ApiKey key, CancellationToken cancellationToken = default) => Write(key, deleted: true, cancellationToken);

    private Task Write(ApiKey key, bool deleted, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return store.ExecuteAsync(
            """
            INSERT INTO api_keys (key_id, secret_hash, name, created_by, created_at, updated_at, deleted)
            VALUES ({id:String}, {hash:String}, {name:String}, {by:String}, {created:DateTime64(3, 'UTC')}, {updated:DateTime64(3, 'UTC')}, {deleted:UInt8})
            """,
            new QueryParameters().Add("id", key.KeyId).Add("hash", key.SecretHash).Add("name", key.Name).Add("by", key.CreatedBy)
                .Add("created", key.CreatedAt == default ? now : key.CreatedAt).Add("updated", now).Add("deleted", deleted ? 1 : 0),
            cancellationToken);
    }

    private static ApiKey Map(object?[] r) =>
        new((string)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, new DateTimeOffset((DateTime)r[4]!, TimeSpan.Zero));
}
