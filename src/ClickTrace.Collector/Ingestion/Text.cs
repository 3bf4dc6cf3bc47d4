namespace ClickTrace.Collector.Ingestion;

/// <summary>Bounds for tracked strings: hostile input is cut to a length, never rejected for it.</summary>
public static class Text
{
    public const int Url = 2048;
    public const int Title = 512;
    public const int Selector = 512;
    public const int VisibleText = 256;
    public const int Tag = 32;
    public const int Name = 128;
    public const int Ad = 128;

    /// <summary>Custom event properties: how many are kept, and the length of a key and of a value.</summary>
    public const int Properties = 20;
    public const int PropertyKey = 64;
    public const int PropertyValue = 256;

    /// <summary>Trims and cuts <paramref name="value"/> to <paramref name="max"/> chars, never between a surrogate pair.</summary>
    public static string Cap(string? value, int max)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var text = value.Trim();
        if (text.Length <= max) return text;
        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..cut];
    }
}
