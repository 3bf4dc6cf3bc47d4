using ClickTrace.Storage.RowBinary;

namespace ClickTrace.Storage.Tests.RowBinary;

public sealed class PooledBufferWriterTests
{
    [Fact]
    public void Writes_past_the_first_array_keep_every_byte_in_order()
    {
        using var writer = new PooledBufferWriter(16);
        var expected = new List<byte>();
        for (var i = 0; i < 1000; i++)
        {
            var chunk = Enumerable.Range(0, i % 37 + 1).Select(b => (byte)(i + b)).ToArray();
            chunk.CopyTo(writer.GetSpan(chunk.Length));
            writer.Advance(chunk.Length);
            expected.AddRange(chunk);
        }

        Assert.Equal(expected.Count, writer.WrittenCount);
        Assert.Equal(expected, writer.WrittenMemory.ToArray());
    }

    [Fact]
    public void Advancing_past_what_was_asked_for_is_refused()
    {
        using var writer = new PooledBufferWriter(16);
        var length = writer.GetSpan(8).Length;

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Advance(length + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Advance(-1));
    }

    [Fact]
    public void Disposing_twice_returns_the_array_once_and_leaves_nothing_written()
    {
        var writer = new PooledBufferWriter(64);
        writer.GetSpan(4)[0] = 1;
        writer.Advance(4);

        writer.Dispose();
        writer.Dispose();

        Assert.Equal(0, writer.WrittenCount);
    }
}
