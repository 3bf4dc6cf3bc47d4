using System.Text.Json;
using ClickTrace.Core.Events;
using ClickTrace.Core.Wire;

namespace ClickTrace.Collector.Ingestion;

/// <summary>
/// Wire format v1 in JSON, read by hand with <see cref="Utf8JsonReader"/>: one pass, strict types, unknown
/// keys skipped, duplicate keys refused, nesting bounded. It runs in two modes over one grammar:
/// <see cref="Scan"/> (the request path) checks the whole body and keeps only the batch's header and each
/// event's <see cref="EventKey"/>, allocating no event; <see cref="Read"/> (the shipper) builds the events.
/// </summary>
public static class WireJsonReader
{
    private const int MaxDepth = 8;

    private const int MaxProperties = WirePropertiesConverter.MaxProperties;

    /// <summary>Checks <paramref name="json"/> and returns the batch without events; each event's key goes to <paramref name="keys"/>.</summary>
    public static WireBatch Scan(ReadOnlySpan<byte> json, List<EventKey> keys) => Parse(json, keys, events: null);

    /// <summary>Reads <paramref name="json"/> into a batch with its events.</summary>
    public static WireBatch Read(ReadOnlySpan<byte> json)
    {
        return Parse(json, keys: null, events: []);
    }

    private static WireBatch Parse(ReadOnlySpan<byte> json, List<EventKey>? keys, List<WireEvent>? events)
    {
        if (json.IsEmpty) throw BatchError.BadRequest("The request body is empty; expected a JSON batch (docs/wire-format.md).");
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            Next(ref reader);
            if (reader.TokenType != JsonTokenType.StartObject) throw Invalid(ref reader, "the batch must be a JSON object");
            var batch = new WireBatch();
            var seen = 0L;
            while (NextKey(ref reader, ref seen) is { } key)
            {
                switch (key)
                {
                    case WireJsonKey.Version: batch.Version = Int32(ref reader); break;
                    case WireJsonKey.Site: batch.Site = String(ref reader); break;
                    case WireJsonKey.SessionId: batch.SessionId = String(ref reader); break;
                    case WireJsonKey.VisitorId: batch.VisitorId = String(ref reader); break;
                    case WireJsonKey.Events: if (Events(ref reader, keys, events)) batch.Events = events; break;
                    default: reader.Skip(); break;
                }
            }
            if (reader.Read()) throw Invalid(ref reader, "there is data after the batch");
            return batch;
        }
        catch (InvalidOperationException error)
        {
            // Utf8JsonReader reports text that is not valid UTF-8 (or escapes that make none) this way.
            throw BatchError.BadRequest($"The request body is not a valid wire-format batch (at byte {reader.TokenStartIndex + 1}): {error.Message}");
        }
        catch (JsonException error)
        {
            throw BatchError.BadRequest($"The request body is not a valid wire-format batch (line {(error.LineNumber ?? 0) + 1}, byte {(error.BytePositionInLine ?? 0) + 1}): {error.Message.Split(" LineNumber:")[0]}");
        }
    }

    /// <summary>The events array; false when it is null.</summary>
    private static bool Events(ref Utf8JsonReader reader, List<EventKey>? keys, List<WireEvent>? events)
    {
        Next(ref reader);
        if (reader.TokenType == JsonTokenType.Null) return false;
        if (reader.TokenType != JsonTokenType.StartArray) throw Invalid(ref reader, "'events' must be an array");
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray) return true;
            if (reader.TokenType != JsonTokenType.StartObject) throw Invalid(ref reader, "each event must be a JSON object");
            if (events is not null) events.Add(Event(ref reader));
            else keys!.Add(KeyOf(ref reader));
        }
    }

    private static WireEvent Event(ref Utf8JsonReader reader)
    {
        var e = new WireEvent();
        var seen = 0L;
        while (NextKey(ref reader, ref seen) is { } key)
        {
            switch (key)
            {
                case WireJsonKey.Id: e.Id = String(ref reader); break;
                case WireJsonKey.Type: e.Type = String(ref reader); break;
                case WireJsonKey.Timestamp: e.Timestamp = Int64(ref reader); break;
                case WireJsonKey.Url: e.Url = String(ref reader); break;
                case WireJsonKey.Referrer: e.Referrer = String(ref reader); break;
                case WireJsonKey.Title: e.Title = String(ref reader); break;
                case WireJsonKey.ViewportWidth: e.ViewportWidth = Int32(ref reader); break;
                case WireJsonKey.ViewportHeight: e.ViewportHeight = Int32(ref reader); break;
                case WireJsonKey.Selector: e.Selector = String(ref reader); break;
                case WireJsonKey.Tag: e.Tag = String(ref reader); break;
                case WireJsonKey.Text: e.Text = String(ref reader); break;
                case WireJsonKey.Href: e.Href = String(ref reader); break;
                case WireJsonKey.X: e.X = Int32(ref reader); break;
                case WireJsonKey.Y: e.Y = Int32(ref reader); break;
                case WireJsonKey.Name: e.Name = String(ref reader); break;
                case WireJsonKey.ElementX: e.ElementX = Int32(ref reader); break;
                case WireJsonKey.ElementY: e.ElementY = Int32(ref reader); break;
                case WireJsonKey.Interactive: e.Interactive = Int32(ref reader); break;
                case WireJsonKey.Ad: e.Ad = String(ref reader); break;
                case WireJsonKey.Duration: e.Duration = Int64(ref reader); break;
                case WireJsonKey.ScrollDepth: e.ScrollDepth = Int32(ref reader); break;
                case WireJsonKey.Count: e.Count = Int32(ref reader); break;
                case WireJsonKey.NotFound: e.NotFound = Int32(ref reader); break;
                case WireJsonKey.Line: e.Line = Int32(ref reader); break;
                case WireJsonKey.Properties: e.Properties = Properties(ref reader, []); break;
                default: reader.Skip(); break;
            }
        }
        return e;
    }

    /// <summary>The same grammar as <see cref="Event"/>, keeping only what the event rules look at.</summary>
    private static EventKey KeyOf(ref Utf8JsonReader reader)
    {
        Guid? id = null;
        EventType? type = null;
        var hasName = false;
        var seen = 0L;
        while (NextKey(ref reader, ref seen) is { } key)
        {
            switch (key)
            {
                case WireJsonKey.Id: id = IdValue(ref reader); break;
                case WireJsonKey.Type: type = TypeValue(ref reader); break;
                case WireJsonKey.Name: hasName = !string.IsNullOrWhiteSpace(String(ref reader)); break;
                case WireJsonKey.Timestamp or WireJsonKey.Duration: Int64(ref reader); break;
                case WireJsonKey.ViewportWidth or WireJsonKey.ViewportHeight or WireJsonKey.X or WireJsonKey.Y or WireJsonKey.ElementX or WireJsonKey.ElementY
                    or WireJsonKey.Interactive or WireJsonKey.ScrollDepth or WireJsonKey.Count or WireJsonKey.NotFound or WireJsonKey.Line: Int32(ref reader); break;
                case WireJsonKey.Url or WireJsonKey.Referrer or WireJsonKey.Title or WireJsonKey.Selector or WireJsonKey.Tag or WireJsonKey.Text or WireJsonKey.Href
                    or WireJsonKey.Ad: StringToken(ref reader); break;
                case WireJsonKey.Properties: Properties(ref reader, null); break;
                default: reader.Skip(); break;
            }
        }
        return new EventKey(id, type, hasName);
    }

    /// <summary>
    /// The <c>p</c> object: string keys with string, number or boolean values (kept as text), other values
    /// skipped, a repeated key refused; as <see cref="WirePropertiesConverter"/> reads it. Null is no properties.
    /// Without <paramref name="into"/> (the scan) it only checks.
    /// </summary>
    private static Dictionary<string, string>? Properties(ref Utf8JsonReader reader, Dictionary<string, string>? into)
    {
        Next(ref reader);
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.StartObject) throw Invalid(ref reader, "'p' must be an object");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject) return into;
            var key = reader.GetString()!;
            if (seen.Count >= MaxProperties) throw Invalid(ref reader, $"'p' has more than {MaxProperties} properties");
            if (!seen.Add(key)) throw Invalid(ref reader, "a property appears twice in 'p'");
            Next(ref reader);
            // The scan only checks a value's text; the shipper's read keeps it.
            if (into is null && reader.TokenType == JsonTokenType.String && !IsText(ref reader)) throw Invalid(ref reader, "a string is not valid UTF-8 text");
            string? value = into is null ? null : reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                JsonTokenType.True => "true",
                JsonTokenType.False => "false",
                _ => null,
            };
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
            if (value is not null) into![key] = value;
        }
    }

    /// <summary>The next key of the object (null at its end); a known key seen twice is refused: two values for one field are a 400, not a guess.</summary>
    private static WireJsonKey? NextKey(ref Utf8JsonReader reader, ref long seen)
    {
        Next(ref reader);
        if (reader.TokenType == JsonTokenType.EndObject) return null;
        var key = WireJsonKeys.Of(reader.ValueIsEscaped ? System.Text.Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan);
        if (key == WireJsonKey.Unknown) return key;
        var bit = 1L << (int)key;
        if ((seen & bit) != 0) throw Invalid(ref reader, $"a key appears twice in one object");
        seen |= bit;
        return key;
    }

    private static Guid? IdValue(ref Utf8JsonReader reader)
    {
        if (!StringToken(ref reader)) return null;
        return reader.ValueIsEscaped ? EventIds.Parse(reader.GetString()) : EventIds.Parse(reader.ValueSpan);
    }

    private static EventType? TypeValue(ref Utf8JsonReader reader)
    {
        if (!StringToken(ref reader)) return null;
        var known = reader.ValueIsEscaped ? EventTypes.TryParse(reader.GetString(), out var type) : EventTypes.TryParse(reader.ValueSpan, out type);
        return known ? type : null;
    }

    /// <summary>Checks that the next value is a string of valid text, or null; true for a string.</summary>
    private static bool StringToken(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        if (reader.TokenType == JsonTokenType.Null) return false;
        if (reader.TokenType != JsonTokenType.String) throw Invalid(ref reader, $"expected a string, found {reader.TokenType}");
        // The reader checks a string's syntax, not its text: what the shipper will read must be text now.
        if (!IsText(ref reader)) throw Invalid(ref reader, "a string is not valid UTF-8 text");
        return true;
    }

    private static bool IsText(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? CanUnescape(ref reader) : System.Text.Unicode.Utf8.IsValid(reader.ValueSpan);

    private static bool CanUnescape(ref Utf8JsonReader reader)
    {
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        var rented = length > 512 ? System.Buffers.ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            // Unescaping never grows the text; CopyString checks the result is UTF-8 (no lone surrogates).
            reader.CopyString(rented ?? stackalloc byte[512]);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) throw Invalid(ref reader, "the body ends in the middle of the batch");
    }

    private static string? String(ref Utf8JsonReader reader) => StringToken(ref reader) ? reader.GetString() : null;

    private static int Int32(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var value))
            throw Invalid(ref reader, "expected a whole number that fits 32 bits");
        return value;
    }

    private static long Int64(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var value))
            throw Invalid(ref reader, "expected a whole number that fits 64 bits");
        return value;
    }

    private static BatchError Invalid(ref Utf8JsonReader reader, string what) =>
        BatchError.BadRequest($"The request body is not a valid wire-format batch (at byte {reader.TokenStartIndex + 1}): {what}.");
}
