using System.Text.Json;

namespace ClickTrace.LoadTest;

/// <summary>Realistic 20-event batches (page views and clicks) as the tag sends them.</summary>
internal static class Bodies
{
    public static List<string> Make(int count, int eventsPerBatch = 20, int seed = 42)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(b => JsonSerializer.Serialize(new
        {
            v = 1,
            site = "demo",
            sid = random.NextInt64().ToString("x16", System.Globalization.CultureInfo.InvariantCulture),
            vid = random.NextInt64().ToString("x16", System.Globalization.CultureInfo.InvariantCulture),
            events = Enumerable.Range(0, eventsPerBatch).Select(i => i % 4 == 0
                ? (object)new { id = Guid.NewGuid().ToString(), t = "pageview", ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), u = $"https://shop.example/products/{random.Next(200)}?utm_source=newsletter", r = "https://www.google.com/", ti = "Blue mug · Demo shop", vw = 1280, vh = 800 }
                : new { id = Guid.NewGuid().ToString(), t = "click", ts = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), u = $"https://shop.example/products/{random.Next(200)}", s = "main > div.products > button[data-testid=\"add\"]", tg = "button", tx = "Add to cart", h = "", x = random.Next(1280), y = random.Next(4000), vw = 1280, vh = 800 }),
        })).ToList();
    }
}
