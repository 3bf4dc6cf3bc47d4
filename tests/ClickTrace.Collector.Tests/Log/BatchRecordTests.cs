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
    public void A_record_of_an_unknown_version_is_refused_not_misread()
    {
        var payload = MessagePackSerializer.Serialize(new object[] { 99, 0, 0L, 0UL, 0UL, "", new byte[] { 1 } });

        Assert.Throws<FormatException>(() => BatchRecord.Read(payload));
    }
}
