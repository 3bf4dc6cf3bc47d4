using System.Buffers;
using ClickTrace.Collector.Ingestion;
using MessagePack;

namespace ClickTrace.Collector.Log;

/// <summary>
/// A log record's payload: one accepted request's body exactly as it arrived, with what only the request
/// knew (receive time, the ids worked out from the IP, the User-Agent), as MessagePack
/// <c>[version, encoding, received_ms, session_id, visitor_id, user_agent, body]</c>. Logging the body
/// instead of decoded events keeps the request path to a check and a copy; the shipper decodes and
/// enriches. A new field is appended and the version raised; <see cref="Read"/> keeps reading older ones.
/// </summary>
public sealed record BatchRecord(
    DateTimeOffset ReceivedAt, WireEncoding Encoding, ulong SessionId, ulong VisitorId, string? UserAgent, ReadOnlyMemory<byte> Body, string Country = "") : ILogPayload
{
    /// <summary>Version 3 added the country; version 2 records (logged before an upgrade) still read, without one.</summary>
    public const int Version = 3;
    private const int Fields = 8;
    private const int Version2Fields = 7;

    public void Write(IBufferWriter<byte> output)
    {
        var writer = new MessagePackWriter(output);
        writer.WriteArrayHeader(Fields);
        writer.Write(Version);
        writer.Write((byte)Encoding);
        writer.Write(ReceivedAt.ToUnixTimeMilliseconds());
        writer.Write(SessionId);
        writer.Write(VisitorId);
        writer.Write(UserAgent);
        writer.Write(Body.Span);
        writer.Write(Country);
        writer.Flush();
    }

    /// <summary>MessagePack's largest headers: array 1, version 5, encoding 2, time 9, ids 9 + 9, strings 5 + 5, bytes 5.</summary>
    public int MaxLength => 50 + (UserAgent is null ? 0 : System.Text.Encoding.UTF8.GetMaxByteCount(UserAgent.Length)) + Body.Length + System.Text.Encoding.UTF8.GetMaxByteCount(Country.Length);

    public byte[] Encode()
    {
        var buffer = new ArrayBufferWriter<byte>(MaxLength);
        Write(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Decodes a payload; throws <see cref="MessagePackSerializationException"/> or <see cref="FormatException"/> when it is not one.</summary>
    public static BatchRecord Read(ReadOnlyMemory<byte> payload)
    {
        var reader = new MessagePackReader(payload);
        var fields = reader.ReadArrayHeader();
        var version = reader.ReadInt32();
        if (!(version == Version && fields == Fields || version == 2 && fields == Version2Fields))
            throw new FormatException($"Log record version {version} is not known to this collector.");
        var encoding = (WireEncoding)reader.ReadByte();
        if (!Enum.IsDefined(encoding)) throw new FormatException($"Unknown body encoding {(byte)encoding}.");
        return new BatchRecord(
            DateTimeOffset.FromUnixTimeMilliseconds(reader.ReadInt64()), encoding, reader.ReadUInt64(), reader.ReadUInt64(),
            reader.ReadString(), BodyOf(reader.ReadBytes()), version == 2 ? "" : reader.ReadString() ?? "");
    }

    // The body is a slice of the payload, not a copy.
    private static ReadOnlyMemory<byte> BodyOf(ReadOnlySequence<byte>? bytes) => bytes switch
    {
        null => throw new FormatException("A log record without a body."),
        { IsSingleSegment: true } single => single.First,
        { } several => several.ToArray(),
    };
}
