using System.Buffers.Binary;

namespace ClickTrace.Collector.Log;

/// <summary>
/// Reads records in order from a position up to the log's durable end, across segments. A corrupt
/// record in a closed segment (it was fsynced, so this is disk damage) skips the rest of that segment
/// and is counted; it never stops the shipper.
/// </summary>
public sealed class LogReader(string folder) : IDisposable
{
    private FileStream? _file;
    private long _fileSegment = -1;

    /// <summary>Records skipped because they were damaged.</summary>
    public long CorruptSegments { get; private set; }

    /// <summary>
    /// Adds records from <paramref name="from"/> (before <paramref name="end"/>) to <paramref name="records"/>
    /// until <paramref name="maxBytes"/> is reached; returns the position after the last record read.
    /// </summary>
    public LogPosition Read(LogPosition from, LogPosition end, List<byte[]> records, long maxBytes)
    {
        var position = from;
        long bytes = 0;
        Span<byte> header = stackalloc byte[LogRecord.HeaderSize];
        while (position < end && bytes < maxBytes)
        {
            var file = Open(position.Segment);
            var limit = position.Segment < end.Segment ? file?.Length ?? 0 : end.Offset;
            if (file is null || position.Offset >= limit)
            {
                if (position.Segment >= end.Segment) break;
                position = new LogPosition(position.Segment + 1, 0);
                continue;
            }
            // Unbuffered reads at the position: the current segment is written over zeros ahead of its
            // records, so a read-ahead buffer would keep zeros where records have landed since.
            if (RandomAccess.Read(file.SafeFileHandle, header, position.Offset) < header.Length ||
                !TryReadPayload(file, header, position.Offset, limit - position.Offset, out var payload))
            {
                CorruptSegments++;
                position = new LogPosition(position.Segment + 1, 0);
                continue;
            }
            records.Add(payload);
            bytes += payload.Length;
            position = position with { Offset = position.Offset + LogRecord.HeaderSize + payload.Length };
        }
        return position;
    }

    private static bool TryReadPayload(FileStream file, ReadOnlySpan<byte> header, long offset, long available, out byte[] payload)
    {
        payload = [];
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length <= 0 || length > LogRecord.MaxPayload || LogRecord.HeaderSize + (long)length > available) return false;
        var record = new byte[LogRecord.HeaderSize + length];
        header.CopyTo(record);
        var body = record.AsSpan(LogRecord.HeaderSize);
        for (var read = 0; read < length;)
        {
            var n = RandomAccess.Read(file.SafeFileHandle, body[read..], offset + LogRecord.HeaderSize + read);
            if (n <= 0) return false;
            read += n;
        }
        if (!LogRecord.TryRead(record, out _, out _)) return false;
        payload = record[LogRecord.HeaderSize..];
        return true;
    }

    private FileStream? Open(long segment)
    {
        if (segment == _fileSegment) return _file;
        _file?.Dispose();
        _file = null;
        _fileSegment = segment;
        var path = LogSegments.PathOf(folder, segment);
        if (File.Exists(path)) _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        return _file;
    }

    public void Dispose() => _file?.Dispose();
}
