using System.Buffers;

namespace ClickTrace.Collector.Log;

/// <summary>
/// What one log record carries. The log's writer thread writes it straight into the group it is about to
/// write and fsync, so a request's bytes are copied once, not encoded into a buffer of their own first.
/// </summary>
public interface ILogPayload
{
    /// <summary>An upper bound of what <see cref="Write"/> writes: the log's byte budgets reserve this much.</summary>
    int MaxLength { get; }

    /// <summary>Writes at least 1 and at most <see cref="MaxLength"/> bytes.</summary>
    void Write(IBufferWriter<byte> output);
}

/// <summary>A payload that is already bytes.</summary>
public sealed class BytesPayload(ReadOnlyMemory<byte> bytes) : ILogPayload
{
    public int MaxLength => bytes.Length;

    public void Write(IBufferWriter<byte> output) => output.Write(bytes.Span);
}
