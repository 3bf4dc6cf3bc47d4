using ClickTrace.Collector.Ingestion;
using ClickTrace.Collector.Log;
using MessagePack;

namespace ClickTrace.Collector.Tests.Log;

public sealed class BatchRecordTests
{
    [Fact]
    public void A_record_reads_back_as_it_was_written_with_the_body_byte_for_byte()
    {
        var record = new BatchRecord(Build.Now, WireEncoding.MessagePack, 0xff, 0xaaa, "Mozilla/5.0 ü", new byte[] { 1, 2, 3, 0, 255 });

        var read = BatchRecord.Read(record.Encode());

        Assert.Equal((record.ReceivedAt, record.Encoding, record.SessionId, record.VisitorId, record.UserAgent), (read.ReceivedAt, read.Encoding, read.SessionId, read.VisitorId, read.UserAgent));
        Assert.Equal(record.Body.ToArray(), read.Body.ToArray());
    }

    [Fact]
    public void The_country_reads_back_and_a_version_2_record_logged_before_it_reads_without_one()
    {
        var record = new BatchRecord(Build.Now, WireEncoding.Json, 1, 2, null, new byte[] { 7 }, "DE");
        var version2 = MessagePackSerializer.Serialize(new object?[] { 2, (byte)WireEncoding.Json, Build.Now.ToUnixTimeMilliseconds(), 1UL, 2UL, "UA", new byte[] { 7 } });

        Assert.Equal("DE", BatchRecord.Read(record.Encode()).Country);
        var old = BatchRecord.Read(version2);
        Assert.Equal(("", "UA", 2UL), (old.Country, old.UserAgent, old.VisitorId));
        Assert.Equal(new byte[] { 7 }, old.Body.ToArray());
    }

    [Fact]
    public void A_record_of_an_unknown_version_is_refused_not_misread()
    {
        var payload = MessagePackSerializer.Serialize(new object[] { 99, 0, 0L, 0UL, 0UL, "", new byte[] { 1 } });

        Assert.Throws<FormatException>(() => BatchRecord.Read(payload));
    }
}
