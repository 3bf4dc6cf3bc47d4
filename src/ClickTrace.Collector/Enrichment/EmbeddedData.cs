using System.Text.Json;

namespace ClickTrace.Collector.Enrichment;

/// <summary>Reads the JSON data files embedded in this assembly (Enrichment/Data).</summary>
internal static class EmbeddedData
{
    public static JsonDocument Load(string name)
    {
        using var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The data file '{name}' is not embedded; rebuild ClickTrace.Collector.");
        return JsonDocument.Parse(stream);
    }

    public static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
