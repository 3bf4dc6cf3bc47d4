using ClickTrace.Collector.Log;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClickTrace.Collector.Tests.Log;

public sealed class LogReaderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Reading_stops_at_the_byte_budget_and_resumes_where_it_stopped()
    {
        await using var log = WriteAheadLog.Open(_folder.Path, new LogOptions { SegmentBytes = 64 * 1024 }, NullLogger.Instance);
        for (var i = 0; i < 30; i++) await log.AppendAsync(new byte[5000]);
        using var reader = new LogReader(_folder.Path);

        var first = new List<byte[]>();
        var middle = reader.Read(log.First, log.Durable, first, maxBytes: 50_000);
        var rest = new List<byte[]>();
        var end = reader.Read(middle, log.Durable, rest, long.MaxValue);

        Assert.Equal(10, first.Count);
        Assert.Equal(20, rest.Count);
        Assert.Equal(log.Durable, end);
    }

    [Fact]
    public async Task A_damaged_closed_segment_is_skipped_and_counted()
    {
        await using (var log = WriteAheadLog.Open(_folder.Path, new LogOptions { SegmentBytes = 64 * 1024 }, NullLogger.Instance))
            for (var i = 0; i < 20; i++) await log.AppendAsync(new byte[10_000]);
        var first = LogSegments.PathOf(_folder.Path, 1);
        var bytes = await File.ReadAllBytesAsync(first);
        bytes[20] ^= 0xFF; // inside the first record's payload
        await File.WriteAllBytesAsync(first, bytes);

        await using var reopened = WriteAheadLog.Open(_folder.Path, new LogOptions { SegmentBytes = 64 * 1024 }, NullLogger.Instance);
        using var reader = new LogReader(_folder.Path);
        var records = new List<byte[]>();
        reader.Read(new LogPosition(1, 0), reopened.Durable, records, long.MaxValue);

        Assert.Equal(1, reader.CorruptSegments);
        Assert.InRange(records.Count, 10, 19);
    }
}
