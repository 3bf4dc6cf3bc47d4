using System.Buffers;
using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace ClickTrace.Collector.Ingestion;

/// <summary>Reads a request body into a pooled buffer, refusing more than the limit (also after gzip) with 413.</summary>
public static class RequestBody
{
    public static async Task<(byte[] Buffer, int Length)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes && !IsGzip(request))
            throw TooLarge(maxBytes);
        var encoding = request.Headers.ContentEncoding.ToString();
        if (encoding.Length > 0 && !IsGzip(request))
            throw new BatchError(415, "Unsupported content encoding", $"Content-Encoding '{encoding}' is not supported; send identity or gzip.");

        using var gzip = IsGzip(request) ? new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true) : null;
        var source = gzip ?? request.Body;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(maxBytes + 1, (int?)request.ContentLength + 1 ?? 8192));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes) throw TooLarge(maxBytes);
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(maxBytes + 1, buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await source.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                length += read;
                if (length > maxBytes) throw TooLarge(maxBytes);
            }
            return (buffer, length);
        }
        catch (InvalidDataException)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw BatchError.BadRequest("The body is not valid gzip data.");
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static bool IsGzip(HttpRequest request) =>
        string.Equals(request.Headers.ContentEncoding.ToString(), "gzip", StringComparison.OrdinalIgnoreCase);

    private static BatchError TooLarge(int maxBytes) =>
        new(413, "Batch too large", $"The request body exceeds {maxBytes} bytes; send fewer events per batch.");
}
