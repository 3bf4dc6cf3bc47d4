namespace ClickTrace.Collector.Ingestion;

/// <summary>The keys of wire format v1 that <see cref="WireJsonReader"/> knows; any other key is skipped.</summary>
internal enum WireJsonKey { Unknown, Version, Site, SessionId, VisitorId, Events, Id, Type, Timestamp, Url, Referrer, Title, ViewportWidth, ViewportHeight, Selector, Tag, Text, Href, X, Y, Name }

internal static class WireJsonKeys
{
    /// <summary>The key a property name spells (unescaped UTF-8), without allocating.</summary>
    public static WireJsonKey Of(ReadOnlySpan<byte> name) => name.Length switch
    {
        1 => name[0] switch
        {
            (byte)'v' => WireJsonKey.Version, (byte)'t' => WireJsonKey.Type, (byte)'u' => WireJsonKey.Url, (byte)'r' => WireJsonKey.Referrer, (byte)'s' => WireJsonKey.Selector,
            (byte)'h' => WireJsonKey.Href, (byte)'x' => WireJsonKey.X, (byte)'y' => WireJsonKey.Y, (byte)'n' => WireJsonKey.Name, _ => WireJsonKey.Unknown,
        },
        2 => name.SequenceEqual("id"u8) ? WireJsonKey.Id : name.SequenceEqual("ts"u8) ? WireJsonKey.Timestamp : name.SequenceEqual("ti"u8) ? WireJsonKey.Title
            : name.SequenceEqual("vw"u8) ? WireJsonKey.ViewportWidth : name.SequenceEqual("vh"u8) ? WireJsonKey.ViewportHeight
            : name.SequenceEqual("tg"u8) ? WireJsonKey.Tag : name.SequenceEqual("tx"u8) ? WireJsonKey.Text : WireJsonKey.Unknown,
        3 => name.SequenceEqual("sid"u8) ? WireJsonKey.SessionId : name.SequenceEqual("vid"u8) ? WireJsonKey.VisitorId : WireJsonKey.Unknown,
        4 => name.SequenceEqual("site"u8) ? WireJsonKey.Site : WireJsonKey.Unknown,
        6 => name.SequenceEqual("events"u8) ? WireJsonKey.Events : WireJsonKey.Unknown,
        _ => WireJsonKey.Unknown,
    };
}
