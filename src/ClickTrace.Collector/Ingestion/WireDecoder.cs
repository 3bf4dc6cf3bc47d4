using ClickTrace.Core.Wire;

namespace ClickTrace.Collector.Ingestion;

/// <summary>
/// Step 1, decode: bytes to a <see cref="WireBatch"/>, or a 400 that says where the body went wrong. The
/// request path only <see cref="Scan"/>s (checks everything, builds no event); the shipper <see cref="Decode"/>s.
/// </summary>
public static class WireDecoder
{
    /// <summary>Checks the body and returns the batch's header; each event's <see cref="EventKey"/> goes to <paramref name="keys"/>.</summary>
    public static WireBatch Scan(ReadOnlyMemory<byte> body, WireEncoding encoding, List<EventKey> keys)
    {
        if (body.IsEmpty) throw Empty();
        if (encoding == WireEncoding.Json) return WireJsonReader.Scan(body.Span, keys);
        var batch = MessagePackWireDecoder.Decode(body);
        keys.AddRange(batch.Events?.Select(EventKey.Of) ?? []);
        return batch;
    }

    /// <summary>The whole batch with its events.</summary>
    public static WireBatch Decode(ReadOnlyMemory<byte> body, WireEncoding encoding)
    {
        if (body.IsEmpty) throw Empty();
        return encoding == WireEncoding.MessagePack ? MessagePackWireDecoder.Decode(body) : WireJsonReader.Read(body.Span);
    }

    public static WireBatch Decode(ReadOnlySpan<byte> json) => json.IsEmpty ? throw Empty() : WireJsonReader.Read(json);

    private static BatchError Empty() => BatchError.BadRequest("The request body is empty; expected a batch (docs/wire-format.md).");
}
