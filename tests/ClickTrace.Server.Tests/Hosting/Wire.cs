using System.Text;
using System.Text.Json;

namespace ClickTrace.Server.Tests.Hosting;

/// <summary>Wire-format batches as a server-side sender would post them.</summary>
internal static class Wire
{
    public static string Batch(string site, params object[] events) =>
        JsonSerializer.Serialize(new { v = 1, site, sid = "00000000000000aa", vid = "00000000000000bb", events });

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
