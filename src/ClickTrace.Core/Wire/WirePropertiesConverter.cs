using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClickTrace.Core.Wire;

/// <summary>
/// The <c>p</c> object of a custom event: string keys, each with a string, number or boolean value. A
/// number keeps the digits it was sent with and a boolean becomes "true" or "false"; a null, object or
/// array value is skipped (the key is dropped, the event kept); a repeated key is refused, as everywhere
/// in the wire format. The collector's own reader follows the same rules (WireJsonReader).
/// </summary>
public sealed class WirePropertiesConverter : JsonConverter<Dictionary<string, string>>
{
    /// <summary>Most properties one event may carry; more is a malformed batch.</summary>
    public const int MaxProperties = 64;

    public override Dictionary<string, string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("'p' must be an object.");
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            if (seen.Count >= MaxProperties) throw new JsonException($"'p' has more than {MaxProperties} properties.");
            if (!seen.Add(key)) throw new JsonException("A property appears twice in 'p'.");
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.String: properties[key] = reader.GetString()!; break;
                case JsonTokenType.Number: properties[key] = System.Text.Encoding.UTF8.GetString(reader.ValueSpan); break;
                case JsonTokenType.True: properties[key] = "true"; break;
                case JsonTokenType.False: properties[key] = "false"; break;
                default: reader.Skip(); break;
            }
        }
        return properties;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, string> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, text) in value) writer.WriteString(key, text);
        writer.WriteEndObject();
    }
}
