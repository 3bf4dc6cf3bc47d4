using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using ClickTrace.Storage.Salts;

namespace ClickTrace.Collector.Enrichment;

/// <summary>
/// Cookieless visitor ids: the first 8 bytes of SHA-256(daily salt, site, IP, User-Agent). The IP is used
/// only here and never stored; when the day's salt is deleted, the id can no longer be recomputed.
/// </summary>
public sealed class VisitorIds(ISaltStore salts, TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateOnly Day, byte[] Salt)? _current;

    public async ValueTask<ulong> CookielessAsync(string siteId, IPAddress? ip, string? userAgent, CancellationToken cancellationToken)
    {
        var salt = await SaltAsync(cancellationToken).ConfigureAwait(false);
        return Hash(salt, siteId, ip, userAgent);
    }

    public static ulong Hash(byte[] salt, string siteId, IPAddress? ip, string? userAgent)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(salt);
        hash.AppendData(Encoding.UTF8.GetBytes(siteId + "\n" + (ip?.ToString() ?? "") + "\n" + (userAgent ?? "")));
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return BinaryPrimitives.ReadUInt64LittleEndian(digest);
    }

    private async ValueTask<byte[]> SaltAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (_current is { } current && current.Day == today) return current.Salt;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is not { } cached || cached.Day != today) _current = (today, await salts.GetOrCreateAsync(today, cancellationToken).ConfigureAwait(false));
            return _current.Value.Salt;
        }
        finally
        {
            _gate.Release();
        }
    }
}
