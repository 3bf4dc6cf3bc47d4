using ClickTrace.Core.Wire;
using MessagePack;

namespace ClickTrace.Collector.Ingestion;

/// <summary>
/// Wire format v1 in MessagePack: the same maps and keys as the JSON encoding. Read by hand (the wire
/// model carries no serializer attributes), skipping unknown keys with bounded nesting. Anything that is
/// not a well-formed batch becomes a 400 that says where it went wrong.
/// </summary>
public static class MessagePackWireDecoder
{
    private const int MaxSkipDepth = 8;

    public static WireBatch Decode(ReadOnlyMemory<byte> body)
    {
        var reader = new MessagePackReader(body);
        try
        {
            var batch = ReadBatch(ref reader);
            if (!reader.End) throw BatchError.BadRequest("The MessagePack body has bytes after the batch.");
            return batch;
        }
        // MessagePackReader reports a malformed body with several exception types (a string header that
        // claims more bytes than the body holds is an ArgumentOutOfRangeException, for one).
        catch (Exception error) when (error is MessagePackSerializationException or EndOfStreamException or OverflowException or InvalidOperationException or ArgumentException)
        {
            throw BatchError.BadRequest($"The request body is not a valid MessagePack wire-format batch (at byte {reader.Consumed}): {error.Message}");
        }
    }

    private static WireBatch ReadBatch(ref MessagePackReader reader)
    {
        if (reader.NextMessagePackType != MessagePackType.Map) throw BatchError.BadRequest("The MessagePack body must be a map (the batch).");
        var batch = new WireBatch();
        var count = reader.ReadMapHeader();
        for (var i = 0; i < count; i++)
        {
            switch (Key(ref reader))
            {
                case "v": batch.Version = reader.ReadInt32(); break;
                case "site": batch.Site = Text(ref reader); break;
                case "sid": batch.SessionId = Text(ref reader); break;
                case "vid": batch.VisitorId = Text(ref reader); break;
                case "events": batch.Events = ReadEvents(ref reader); break;
                default: Skip(ref reader, 0); break;
            }
        }
        return batch;
    }

    private static List<WireEvent>? ReadEvents(ref MessagePackReader reader)
    {
        if (reader.TryReadNil()) return null;
        var count = reader.ReadArrayHeader();
        // The header can claim any length; the body's size bounds the real count, so cap the pre-allocation.
        var events = new List<WireEvent>(Math.Min(count, 1000));
        for (var i = 0; i < count; i++) events.Add(ReadEvent(ref reader));
        return events;
    }

    private static WireEvent ReadEvent(ref MessagePackReader reader)
    {
        if (reader.NextMessagePackType != MessagePackType.Map) throw BatchError.BadRequest("Each event must be a map.");
        var e = new WireEvent();
        var count = reader.ReadMapHeader();
        for (var i = 0; i < count; i++)
        {
            switch (Key(ref reader))
            {
                case "id": e.Id = Text(ref reader); break;
                case "t": e.Type = Text(ref reader); break;
                case "ts": e.Timestamp = reader.ReadInt64(); break;
                case "u": e.Url = Text(ref reader); break;
                case "r": e.Referrer = Text(ref reader); break;
                case "ti": e.Title = Text(ref reader); break;
                case "vw": e.ViewportWidth = reader.ReadInt32(); break;
                case "vh": e.ViewportHeight = reader.ReadInt32(); break;
                case "s": e.Selector = Text(ref reader); break;
                case "tg": e.Tag = Text(ref reader); break;
                case "tx": e.Text = Text(ref reader); break;
                case "h": e.Href = Text(ref reader); break;
                case "x": e.X = reader.ReadInt32(); break;
                case "y": e.Y = reader.ReadInt32(); break;
                case "n": e.Name = Text(ref reader); break;
                case "ex": e.ElementX = reader.ReadInt32(); break;
                case "ey": e.ElementY = reader.ReadInt32(); break;
                case "i": e.Interactive = reader.ReadInt32(); break;
                case "ad": e.Ad = Text(ref reader); break;
                case "d": e.Duration = reader.ReadInt64(); break;
                case "sd": e.ScrollDepth = reader.ReadInt32(); break;
                case "c": e.Count = reader.ReadInt32(); break;
                case "nf": e.NotFound = reader.ReadInt32(); break;
                case "ln": e.Line = reader.ReadInt32(); break;
                case "p": e.Properties = ReadProperties(ref reader); break;
                default: Skip(ref reader, 0); break;
            }
        }
        return e;
    }

    /// <summary>As in JSON: string keys, string, number or boolean values kept as text, others skipped, a repeated key refused.</summary>
    private static Dictionary<string, string>? ReadProperties(ref MessagePackReader reader)
    {
        if (reader.TryReadNil()) return null;
        if (reader.NextMessagePackType != MessagePackType.Map) throw BatchError.BadRequest("'p' must be a map.");
        var count = reader.ReadMapHeader();
        if (count > WirePropertiesConverter.MaxProperties) throw BatchError.BadRequest($"'p' has more than {WirePropertiesConverter.MaxProperties} properties.");
        var properties = new Dictionary<string, string>(count, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = Key(ref reader);
            if (!seen.Add(key)) throw BatchError.BadRequest("A property appears twice in 'p'.");
            var invariant = System.Globalization.CultureInfo.InvariantCulture;
            switch (reader.NextMessagePackType)
            {
                case MessagePackType.String: properties[key] = Text(ref reader)!; break;
                case MessagePackType.Integer: properties[key] = reader.ReadInt64().ToString(invariant); break;
                case MessagePackType.Float: properties[key] = reader.ReadDouble().ToString("R", invariant); break;
                case MessagePackType.Boolean: properties[key] = reader.ReadBoolean() ? "true" : "false"; break;
                default: Skip(ref reader, 1); break;
            }
        }
        return properties;
    }

    private static string Key(ref MessagePackReader reader) =>
        reader.NextMessagePackType == MessagePackType.String ? Text(ref reader) ?? "" : throw BatchError.BadRequest("Map keys must be strings.");

    /// <summary>A string, strictly UTF-8 as in the JSON encoding: invalid bytes are refused, not replaced.</summary>
    private static string? Text(ref MessagePackReader reader)
    {
        if (reader.TryReadNil()) return null;
        var bytes = reader.ReadStringSequence() ?? throw BatchError.BadRequest("Expected a string.");
        try
        {
            return StrictUtf8.GetString(System.Buffers.BuffersExtensions.ToArray(bytes));
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw BatchError.BadRequest($"A string is not valid UTF-8 (at byte {reader.Consumed}).");
        }
    }

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Skips a value of an unknown key; nesting deeper than <see cref="MaxSkipDepth"/> is refused, never recursed into.</summary>
    private static void Skip(ref MessagePackReader reader, int depth)
    {
        if (depth > MaxSkipDepth) throw BatchError.BadRequest($"Unknown values nest deeper than {MaxSkipDepth} levels.");
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Map:
                var pairs = reader.ReadMapHeader();
                for (var i = 0; i < pairs * 2; i++) Skip(ref reader, depth + 1);
                break;
            case MessagePackType.Array:
                var items = reader.ReadArrayHeader();
                for (var i = 0; i < items; i++) Skip(ref reader, depth + 1);
                break;
            default:
                reader.Skip();
                break;
        }
    }
}
