using System.Text;
using System.Text.Json;

namespace ClickTrace.Server.Tests.Hosting;

/// <summary>Wire-format batches as a server-side sender would post them.</summary>
internal static class Wire
{
    public static string Batch(string site, params object[] events) => Batch(site, "00000000000000aa", "00000000000000bb", events);

    /// <summary>A batch of one visitor's session (ids as 16 hex digits).</summary>
    public static string Batch(string site, string sid, string vid, params object[] events) =>
        JsonSerializer.Serialize(new { v = 1, site, sid, vid, events });

    /// <summary>Any event: its type, path and time, and the type's own fields (s, tg, n, d, ...).</summary>
    public static object Event(string type, string path, DateTimeOffset at, object? fields = null)
    {
        var e = new Dictionary<string, object?>
        {
            ["id"] = Guid.NewGuid().ToString(), ["t"] = type, ["ts"] = at.ToUnixTimeMilliseconds(), ["u"] = "https://shop.example" + path,
        };
        foreach (var p in fields?.GetType().GetProperties() ?? []) e[p.Name] = p.GetValue(fields);
        return e;
    }

    public static object Pageview(string path = "/", DateTimeOffset? at = null) => new
    {
        id = Guid.NewGuid().ToString(), t = "pageview", ts = (at ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds(),
        u = "https://shop.example" + path, ti = "Title", vw = 1280, vh = 800,
    };

    public static object Click(string selector, string text, string path = "/") => new
    {
        id = Guid.NewGuid().ToString(), t = "click", ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        u = "https://shop.example" + path, s = selector, tg = "a", tx = text, h = "https://shop.example/next", x = 1, y = 2, vw = 1280, vh = 800,
    };

    public static StringContent Json(string body, string mediaType = "application/json") => new(body, Encoding.UTF8, mediaType);
}
