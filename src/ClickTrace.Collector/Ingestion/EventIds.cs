using System.Buffers.Text;

namespace ClickTrace.Collector.Ingestion;

/// <summary>
/// An event's id on the wire: a UUID written with hyphens (36 characters) or as 32 hex digits (what the
/// tag sends: it saves the tag the formatting code). Anything else is not an id.
/// </summary>
public static class EventIds
{
    public static Guid? Parse(ReadOnlySpan<byte> utf8) =>
        Utf8Parser.TryParse(utf8, out Guid id, out var used, Format(utf8.Length)) && used == utf8.Length ? id : null;

    public static Guid? Parse(string? text) =>
        text is not null && Guid.TryParseExact(text, Format(text.Length).ToString(), out var id) ? id : null;

    private static char Format(int length) => length == 32 ? 'N' : 'D';
}
