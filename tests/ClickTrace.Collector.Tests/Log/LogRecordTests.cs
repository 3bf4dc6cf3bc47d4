using ClickTrace.Collector.Log;

namespace ClickTrace.Collector.Tests.Log;

public sealed class LogRecordTests
{
    private static byte[] Record(byte[] payload)
    {
        var record = new byte[LogRecord.HeaderSize + payload.Length];
        LogRecord.WriteHeader(record, payload);
        payload.CopyTo(record, LogRecord.HeaderSize);
        return record;
    }

    [Fact]
    public void A_written_record_reads_back()
    {
        var record = Record([1, 2, 3]);

        Assert.True(LogRecord.TryRead(record, out var payload, out var size));
        Assert.Equal([1, 2, 3], payload.ToArray());
        Assert.Equal(11, size);
    }

    [Fact]
    public void A_flipped_bit_fails_the_checksum()
    {
        var record = Record([1, 2, 3]);
        record[^1] ^= 0x10;

        Assert.False(LogRecord.TryRead(record, out _, out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(10)]
    public void A_truncated_record_is_not_read(int keep) =>
        Assert.False(LogRecord.TryRead(Record([1, 2, 3]).AsSpan(0, keep), out _, out _));

    [Fact]
    public void A_length_beyond_the_maximum_is_corruption()
    {
        var record = Record([1]);
        BitConverter.TryWriteBytes(record, LogRecord.MaxPayload + 1);

        Assert.False(LogRecord.TryRead(record, out _, out _));
    }
}
