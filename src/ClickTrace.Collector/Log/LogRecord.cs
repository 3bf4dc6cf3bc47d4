using System.Buffers.Binary;
using System.IO.Hashing;

namespace ClickTrace.Collector.Log;

/// <summary>
/// The framing of one record in a segment: a 4-byte little-endian payload length, a 4-byte CRC-32 of the
/// payload, then the payload. A record whose length runs past the end of the file or whose CRC does not
/// match is a torn write: it and everything after it are cut off when the log is opened.
/// </summary>
public static class LogRecord
{
    public const int HeaderSize = 8;

    /// <summary>Largest payload accepted; anything claiming more is corruption, not data.</summary>
    public const int MaxPayload = 64 * 1024 * 1024;

    public static void WriteHeader(Span<byte> header, ReadOnlySpan<byte> payload)
    {
        BinaryPrimitives.WriteInt32LittleEndian(header, payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], Crc32.HashToUInt32(payload));
    }

    /// <summary>Reads the record at the start of <paramref name="data"/>; false when it is incomplete or corrupt.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out ReadOnlySpan<byte> payload, out int recordSize)
    {
        payload = default;
        recordSize = 0;
        if (data.Length < HeaderSize) return false;
        var length = BinaryPrimitives.ReadInt32LittleEndian(data);
        if (length <= 0 || length > MaxPayload || data.Length - HeaderSize < length) return false;
        var candidate = data.Slice(HeaderSize, length);
        if (Crc32.HashToUInt32(candidate) != BinaryPrimitives.ReadUInt32LittleEndian(data[4..])) return false;
        payload = candidate;
        recordSize = HeaderSize + length;
        return true;
    }
}
