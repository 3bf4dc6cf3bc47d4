using System.Text.Json;
using ClickTrace.Core.Wire;

namespace ClickTrace.Collector.Ingestion;

/// <summary>Step 1, decode: bytes to a <see cref="WireBatch"/>, or a 400 that says where the body went wrong.</summary>
public static class WireDecoder
{
    public static WireBatch Decode(ReadOnlyMemory<byte> body, WireEncoding encoding)
    {
        if (body.IsEmpty) throw BatchError.BadRequest("The request body is empty; expected a batch (docs/wire-format.md).");
        return encoding == WireEncoding.MessagePack ? MessagePackWireDecoder.Decode(body) : Decode(body.Span);
    }

    public static WireBatch Decode(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty) throw BatchError.BadRequest("The request body is empty; expected a JSON batch (docs/wire-format.md).");
        try
        {
            return JsonSerializer.Deserialize(body, WireJsonContext.Default.WireBatch)
                ?? throw BatchError.BadRequest("The request body is JSON null; expected a batch object.");
        }
        catch (JsonException error)
        {
            var where = error.LineNumber is { } line ? $" (line {line + 1}, byte {error.BytePositionInLine + 1})" : "";
            throw BatchError.BadRequest($"The request body is not a valid wire-format batch{where}: {error.Message.Split(" Path:")[0]}");
        }
    }
}
