using System.Text.Json;

namespace ClickTrace.Server.Tests.Tag.Browser;

/// <summary>One row of the events table, with the columns the tag's capture fills.</summary>
public sealed record StoredEvent(
    string Type, string Name, string Url, string Path, string Referrer, string Title, string Selector, string Tag, string Text,
    string Href, int X, int Y, int ElementX, int ElementY, bool Interactive, string Ad, uint DurationMs, byte ScrollDepth,
    ushort Count, bool ErrorPage, int Line, IReadOnlyDictionary<string, string> Props, string Revenue, string Currency,
    ushort ViewportWidth, ushort ViewportHeight, string UtmSource, string UtmCampaign, string ClickIdType, ulong SessionId, ulong VisitorId)
{
    public const string Columns =
        "type, name, url, path, referrer, title, selector, tag, text, href, x, y, element_x, element_y, interactive, ad, duration_ms, " +
        "scroll_depth, count, error_page, line, toJSONString(props), toString(revenue), currency, viewport_width, viewport_height, " +
        "utm_source, utm_campaign, click_id_type, session_id, visitor_id";

    public static StoredEvent From(object?[] r) => new(
        (string)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, (string)r[4]!, (string)r[5]!, (string)r[6]!, (string)r[7]!, (string)r[8]!,
        (string)r[9]!, (int)r[10]!, (int)r[11]!, (int)r[12]!, (int)r[13]!, (bool)r[14]!, (string)r[15]!, (uint)r[16]!, (byte)r[17]!,
        (ushort)r[18]!, (bool)r[19]!, (int)r[20]!, JsonSerializer.Deserialize<Dictionary<string, string>>((string)r[21]!)!, (string)r[22]!,
        (string)r[23]!, (ushort)r[24]!, (ushort)r[25]!, (string)r[26]!, (string)r[27]!, (string)r[28]!, (ulong)r[29]!, (ulong)r[30]!);
}
