using System.Security.Cryptography;

namespace ClickTrace.Storage.Salts;

public sealed class ClickHouseSaltStore(IClickHouse store) : ISaltStore
{
    public async Task<byte[]> GetOrCreateAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var parameters = new QueryParameters().Add("day", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (await ReadAsync(parameters, cancellationToken).ConfigureAwait(false) is { } existing) return existing;

        // The engine stamps the row as it inserts it: a collector whose insert arrives later (it waited for a
        // connection, or its request was slow) gets a later time, so it cannot win over a salt another collector
        // has already read back and used. A time taken here, before the wait, could.
        await store.ExecuteAsync(
            "INSERT INTO salts (day, salt, created_at) SELECT {day:Date}, {salt:String}, now64(3, 'UTC')",
            new QueryParameters().Add("day", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                .Add("salt", Convert.ToHexString(RandomNumberGenerator.GetBytes(32))),
            cancellationToken).ConfigureAwait(false);
        await store.ExecuteAsync("DELETE FROM salts WHERE day < {day:Date} - 1", parameters, cancellationToken).ConfigureAwait(false);
        // Two collectors may have raced: both read back the earliest salt of the day.
        return await ReadAsync(parameters, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The salt just written could not be read back.");
    }

    private async Task<byte[]?> ReadAsync(QueryParameters parameters, CancellationToken cancellationToken)
    {
        var result = await store.QueryAsync(
            // Ties (two collectors in the same millisecond) are broken by the salt itself, so every reader agrees.
            "SELECT argMin(salt, (created_at, salt)) FROM salts WHERE day = {day:Date} HAVING count() > 0", parameters, cancellationToken).ConfigureAwait(false);
        return result.Scalar() is string hex ? Convert.FromHexString(hex) : null;
    }
}
