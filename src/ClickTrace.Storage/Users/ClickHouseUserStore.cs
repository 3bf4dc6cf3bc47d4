namespace ClickTrace.Storage.Users;

/// <summary>Dashboard users in a ReplacingMergeTree table (migration 8): a save inserts the newest version, reads use FINAL.</summary>
public sealed class ClickHouseUserStore(IClickHouse store, TimeProvider time)
{
    /// <summary>Whether anyone can sign in yet (on a fresh install nobody can: the first visitor creates the admin).</summary>
    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default) =>
        Convert.ToInt64((await store.QueryAsync("SELECT count() FROM users FINAL WHERE deleted = 0", cancellationToken: cancellationToken).ConfigureAwait(false)).Scalar(),
            System.Globalization.CultureInfo.InvariantCulture) > 0;

    public async Task<DashboardUser?> FindAsync(string username, CancellationToken cancellationToken = default) =>
        (await store.QueryAsync(
            "SELECT username, password_hash, created_at FROM users FINAL WHERE deleted = 0 AND username = {name:String}",
            new QueryParameters().Add("name", username), cancellationToken).ConfigureAwait(false))
        .Rows.Select(r => new DashboardUser((string)r[0]!, (string)r[1]!, new DateTimeOffset((DateTime)r[2]!, TimeSpan.Zero))).FirstOrDefault();

    public Task SaveAsync(DashboardUser user, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        return store.ExecuteAsync(
            """
            INSERT INTO users (username, password_hash, created_at, updated_at)
            VALUES ({name:String}, {hash:String}, {created:DateTime64(3, 'UTC')}, {updated:DateTime64(3, 'UTC')})
            """,
            new QueryParameters().Add("name", user.Username).Add("hash", user.PasswordHash)
                .Add("created", user.CreatedAt == default ? now : user.CreatedAt).Add("updated", now),
            cancellationToken);
    }
}
