using System.Buffers;

namespace ClickTrace.Collector.Log;

/// <summary>
/// The bytes of one group commit: records are framed in place (header reserved, payload written, header
/// filled in), and a record whose payload fails to write is cut off again without disturbing the others.
/// </summary>
internal sealed class GroupBuffer(int initialCapacity) : IBufferWriter<byte>
{
    private byte[] _bytes = new byte[initialCapacity];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (Length + count > _bytes.Length) throw new InvalidOperationException("Advanced past the buffer.");
        Length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => _bytes.AsMemory(Reserve(sizeHint));

    public Span<byte> GetSpan(int sizeHint = 0) => _bytes.AsSpan(Reserve(sizeHint));

    /// <summary>Frames everything written since <paramref name="start"/> (where a header was reserved) as one record.</summary>
    public void Frame(int start) =>
        LogRecord.WriteHeader(_bytes.AsSpan(start, LogRecord.HeaderSize), _bytes.AsSpan(start + LogRecord.HeaderSize, Length - start - LogRecord.HeaderSize));

    public void Truncate(int length) => Length = length;

    public void Clear() => Length = 0;

    private int Reserve(int sizeHint)
    {
        var needed = Length + Math.Max(sizeHint, 1);
        if (needed > _bytes.Length) Array.Resize(ref _bytes, Math.Max(needed, _bytes.Length * 2));
        return Length;
    }
}
