using System.Globalization;

namespace ClickTrace.Collector.Log;

/// <summary>Segment files in the log folder: <c>000000000001.wal</c>, <c>000000000002.wal</c>, ... in order.</summary>
public static class LogSegments
{
    private const string Extension = ".wal";

    public static string PathOf(string folder, long segment) =>
        Path.Combine(folder, segment.ToString("D12", CultureInfo.InvariantCulture) + Extension);

    /// <summary>The segment numbers present, ascending.</summary>
    public static IReadOnlyList<long> List(string folder) =>
        Directory.EnumerateFiles(folder, "*" + Extension)
            .Select(Path.GetFileNameWithoutExtension)
            .Select(name => long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1)
            .Where(n => n > 0)
            .Order()
            .ToList();

    /// <summary>
    /// The length of the valid prefix of a segment: whole records with matching CRCs. Reads the file in
    /// chunks, so memory stays bounded whatever the segment size.
    /// </summary>
    public static long ValidLength(string path)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
        var size = RandomAccess.GetLength(file);
        var buffer = new byte[1024 * 1024];
        long offset = 0;
        while (offset < size)
        {
            var header = new byte[LogRecord.HeaderSize];
            if (RandomAccess.Read(file, header, offset) < header.Length) break;
            var length = BitConverter.ToInt32(header);
            if (length <= 0 || length > LogRecord.MaxPayload || offset + LogRecord.HeaderSize + length > size) break;
            if (buffer.Length < LogRecord.HeaderSize + length) buffer = new byte[LogRecord.HeaderSize + length];
            var record = buffer.AsSpan(0, LogRecord.HeaderSize + length);
            if (RandomAccess.Read(file, record, offset) < record.Length) break;
            if (!LogRecord.TryRead(record, out _, out var recordSize)) break;
            offset += recordSize;
        }
        return offset;
    }

    /// <summary>Whether the segment holds anything but zeros from <paramref name="offset"/> on (a torn write, not preallocation).</summary>
    public static bool HasDataAfter(string path, long offset)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
        var size = RandomAccess.GetLength(file);
        var buffer = new byte[1024 * 1024];
        for (var at = offset; at < size;)
        {
            var read = RandomAccess.Read(file, buffer, at);
            if (read <= 0) break;
            if (buffer.AsSpan(0, read).ContainsAnyExcept((byte)0)) return true;
            at += read;
        }
        return false;
    }
}
