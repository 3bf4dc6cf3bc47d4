using System.Text;
using ClickTrace.Collector.Ingestion;

namespace ClickTrace.Collector.Tests.Ingestion;

public sealed class WireDecoderTests
{
    [Fact]
    public void Decodes_a_batch_with_short_keys()
    {
        var batch = WireDecoder.Decode(Encoding.UTF8.GetBytes("""
            {"v":1,"site":"shop","sid":"00000000000000ff","events":[{"id":"6f1c2a4e-8a8b-4a8e-9f55-1e2d3c4b5a69","t":"click","ts":1,"s":"#buy","tx":"Buy","x":3,"y":4,"extra":"ignored"}]}
            """));

        Assert.Equal(1, batch.Version);
        var click = Assert.Single(batch.Events!);
        Assert.Equal(("click", "#buy", "Buy", 3, 4), (click.Type, click.Selector, click.Text, click.X, click.Y));
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{\"v\":1,")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"v\":\"one\"}")]
    [InlineData("{\"v\":1,\"events\":[{\"x\":1e400}]}")]
    [InlineData("{\"v\":1,\"events\":[{\"x\":99999999999}]}")]
    public void Malformed_bodies_are_a_400_that_says_so(string body)
    {
        var error = Assert.Throws<BatchError>(() => WireDecoder.Decode(Encoding.UTF8.GetBytes(body)));

        Assert.Equal(400, error.Status);
        Assert.NotEmpty(error.Detail);
    }

    [Fact]
    public void Invalid_utf8_is_a_400()
    {
        byte[] body = [.. "{\"v\":1,\"site\":\""u8, 0xFF, 0xFE, .. "\"}"u8];

        Assert.Equal(400, Assert.Throws<BatchError>(() => WireDecoder.Decode(body)).Status);
    }

    [Fact]
    public void Duplicate_keys_are_a_400_not_a_guess()
    {
        var error = Assert.Throws<BatchError>(() => WireDecoder.Decode(Encoding.UTF8.GetBytes("{\"v\":1,\"site\":\"a\",\"site\":\"b\"}")));

        Assert.Equal(400, error.Status);
    }

    [Fact]
    public void Deeply_nested_json_is_refused_without_a_stack_overflow()
    {
        var body = "{\"v\":1,\"junk\":" + new string('[', 10_000) + new string(']', 10_000) + "}";

        Assert.Equal(400, Assert.Throws<BatchError>(() => WireDecoder.Decode(Encoding.UTF8.GetBytes(body))).Status);
    }
}
