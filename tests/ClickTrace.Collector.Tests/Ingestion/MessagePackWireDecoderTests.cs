using System.Buffers;
using ClickTrace.Collector.Ingestion;
using MessagePack;

namespace ClickTrace.Collector.Tests.Ingestion;

public sealed class MessagePackWireDecoderTests
{
    private delegate void Write(ref MessagePackWriter writer);

    private static byte[] Encode(Write write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        write(ref writer);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static void Batch(ref MessagePackWriter w, int events = 1)
    {
        w.WriteMapHeader(5);
        w.Write("v"); w.Write(1);
        w.Write("site"); w.Write("shop");
        w.Write("sid"); w.Write("00000000000000ff");
        w.Write("extra"); w.WriteArrayHeader(2); w.Write(1); w.WriteMapHeader(1); w.Write("k"); w.WriteNil();
        w.Write("events"); w.WriteArrayHeader(events);
        for (var i = 0; i < events; i++)
        {
            w.WriteMapHeader(6);
            w.Write("id"); w.Write("6f1c2a4e-8a8b-4a8e-9f55-1e2d3c4b5a69");
            w.Write("t"); w.Write("click");
            w.Write("ts"); w.Write(1_764_000_000_000L);
            w.Write("s"); w.Write("#buy");
            w.Write("x"); w.Write(-12);
            w.Write("tx"); w.Write("Buy ✓");
        }
    }

    [Fact]
    public void A_batch_decodes_to_the_same_model_as_json()
    {
        var batch = WireDecoder.Decode(Encode((ref MessagePackWriter w) => Batch(ref w, 2)), WireEncoding.MessagePack);

        Assert.Equal((1, "shop", "00000000000000ff", 2), (batch.Version, batch.Site, batch.SessionId, batch.Events!.Count));
        var click = batch.Events[0];
        Assert.Equal(("click", 1_764_000_000_000L, "#buy", -12, "Buy ✓"), (click.Type, click.Timestamp, click.Selector, click.X, click.Text));
    }

    [Fact]
    public void Properties_keep_scalars_as_text_as_in_json()
    {
        var body = Encode((ref MessagePackWriter w) =>
        {
            w.WriteMapHeader(3);
            w.Write("v"); w.Write(1);
            w.Write("site"); w.Write("shop");
            w.Write("events"); w.WriteArrayHeader(1);
            w.WriteMapHeader(4);
            w.Write("id"); w.Write("6f1c2a4e-8a8b-4a8e-9f55-1e2d3c4b5a69");
            w.Write("t"); w.Write("custom");
            w.Write("n"); w.Write("purchase");
            w.Write("p"); w.WriteMapHeader(5);
            w.Write("plan"); w.Write("pro");
            w.Write("revenue"); w.Write(49.9);
            w.Write("seats"); w.Write(3);
            w.Write("trial"); w.Write(true);
            w.Write("deep"); w.WriteArrayHeader(1); w.Write(1);
        });

        var custom = Assert.Single(WireDecoder.Decode(body, WireEncoding.MessagePack).Events!);

        Assert.Equal(new Dictionary<string, string> { ["plan"] = "pro", ["revenue"] = "49.9", ["seats"] = "3", ["trial"] = "true" }, custom.Properties);
    }

    public static TheoryData<string, byte[]> Malformed() => new()
    {
        { "not a map", Encode((ref MessagePackWriter w) => w.WriteArrayHeader(0)) },
        { "truncated", Encode((ref MessagePackWriter w) => Batch(ref w))[..20] },
        { "string version", Encode((ref MessagePackWriter w) => { w.WriteMapHeader(1); w.Write("v"); w.Write("one"); }) },
        { "integer key", Encode((ref MessagePackWriter w) => { w.WriteMapHeader(1); w.Write(7); w.Write(1); }) },
        { "timestamp too big", Encode((ref MessagePackWriter w) => { w.WriteMapHeader(1); w.Write("events"); w.WriteArrayHeader(1); w.WriteMapHeader(1); w.Write("x"); w.Write(ulong.MaxValue); }) },
        { "huge array header", Encode((ref MessagePackWriter w) => { w.WriteMapHeader(1); w.Write("events"); w.WriteArrayHeader(int.MaxValue); }) },
        { "trailing bytes", [.. Encode((ref MessagePackWriter w) => Batch(ref w)), 0xC0] },
        { "event not a map", Encode((ref MessagePackWriter w) => { w.WriteMapHeader(1); w.Write("events"); w.WriteArrayHeader(1); w.Write(5); }) },
        { "deep nesting", Encode((ref MessagePackWriter w) => { w.WriteMapHeader(1); w.Write("junk"); for (var i = 0; i < 10_000; i++) w.WriteArrayHeader(1); w.WriteNil(); }) },
        { "string longer than the body", [0x81, 0xA4, (byte)'s', (byte)'i', (byte)'t', (byte)'e', 0xDA, 0xFF, 0xFF, (byte)'x'] },
        { "invalid utf-8", [0x81, 0xA4, (byte)'s', (byte)'i', (byte)'t', (byte)'e', 0xA2, 0xFF, 0xFE] },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_bodies_are_a_400(string shape, byte[] body)
    {
        var error = Assert.Throws<BatchError>(() => WireDecoder.Decode(body, WireEncoding.MessagePack));

        Assert.True(error.Status == 400, shape);
    }

    [Theory]
    [InlineData("application/json", WireEncoding.Json)]
    [InlineData("text/plain;charset=UTF-8", WireEncoding.Json)]
    [InlineData("application/msgpack", WireEncoding.MessagePack)]
    [InlineData("Application/X-MsgPack", WireEncoding.MessagePack)]
    [InlineData("application/xml", null)]
    [InlineData(null, null)]
    public void The_content_type_decides_the_encoding(string? contentType, WireEncoding? encoding) =>
        Assert.Equal(encoding, WireEncodings.FromContentType(contentType));
}
