namespace ClickTrace.Collector.Ingestion;

/// <summary>The keys of wire format v1 that <see cref="WireJsonReader"/> knows; any other key is skipped.</summary>
internal enum WireJsonKey
{
    Unknown, Version, Site, SessionId, VisitorId, Events, Id, Type, Timestamp, Url, Referrer, Title, ViewportWidth, ViewportHeight,
    Selector, Tag, Text, Href, X, Y, Name, ElementX, ElementY, Interactive, Ad, Duration, ScrollDepth, Count, NotFound, Line, Properties,
}

internal static class WireJsonKeys
{
    /// <summary>The key a property name spells (unescaped UTF-8), without allocating.</summary>
    public static WireJsonKey Of(ReadOnlySpan<byte> name) => name.Length switch
    {
        1 => name[0] switch
        {
            (byte)'v' => WireJsonKey.Version, (byte)'t' => WireJsonKey.Type, (byte)'u' => WireJsonKey.Url, (byte)'r' => WireJsonKey.Referrer, (byte)'s' => WireJsonKey.Selector,
            (byte)'h' => WireJsonKey.Href, (byte)'x' => WireJsonKey.X, (byte)'y' => WireJsonKey.Y, (byte)'n' => WireJsonKey.Name, (byte)'i' => WireJsonKey.Interactive,
            (byte)'d' => WireJsonKey.Duration, (byte)'c' => WireJsonKey.Count, (byte)'p' => WireJsonKey.Properties, _ => WireJsonKey.Unknown,
        },
        2 => TwoLetters(name[0], name[1]),
        3 => name.SequenceEqual("sid"u8) ? WireJsonKey.SessionId : name.SequenceEqual("vid"u8) ? WireJsonKey.VisitorId : WireJsonKey.Unknown,
        4 => name.SequenceEqual("site"u8) ? WireJsonKey.Site : WireJsonKey.Unknown,
        6 => name.SequenceEqual("events"u8) ? WireJsonKey.Events : WireJsonKey.Unknown,
        _ => WireJsonKey.Unknown,
    };

    private static WireJsonKey TwoLetters(byte a, byte b) => (char)a switch
    {
        'i' when b == 'd' => WireJsonKey.Id,
        't' => b switch { (byte)'s' => WireJsonKey.Timestamp, (byte)'i' => WireJsonKey.Title, (byte)'g' => WireJsonKey.Tag, (byte)'x' => WireJsonKey.Text, _ => WireJsonKey.Unknown },
        'v' => b switch { (byte)'w' => WireJsonKey.ViewportWidth, (byte)'h' => WireJsonKey.ViewportHeight, _ => WireJsonKey.Unknown },
        'e' => b switch { (byte)'x' => WireJsonKey.ElementX, (byte)'y' => WireJsonKey.ElementY, _ => WireJsonKey.Unknown },
        'a' when b == 'd' => WireJsonKey.Ad,
        's' when b == 'd' => WireJsonKey.ScrollDepth,
        'n' when b == 'f' => WireJsonKey.NotFound,
        'l' when b == 'n' => WireJsonKey.Line,
        _ => WireJsonKey.Unknown,
    };
}
