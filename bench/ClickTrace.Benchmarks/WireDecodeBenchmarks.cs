using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ClickTrace.Collector.Ingestion;

namespace ClickTrace.Benchmarks;

/// <summary>
/// Decoding a batch into the wire model, against a baseline that only walks the same JSON tokens
/// (the least any JSON decoder must do). The ratio says what the model costs on top; the MessagePack
/// encoding of the same batch is decoded alongside.
/// </summary>
[MemoryDiagnoser]
public class WireDecodeBenchmarks
{
    private byte[] _body = [];
    private byte[] _messagePack = [];

    [Params(1, 20, 100)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var events = Enumerable.Range(0, Events).Select(i => new
        {
            id = Guid.NewGuid().ToString(), t = i % 3 == 0 ? "pageview" : "click", ts = 1_764_000_000_000L + i,
            u = "https://shop.example/products/blue-mug?utm_source=newsletter", s = "main > div.products > button[data-testid=\"add\"]",
            tg = "button", tx = "Add to cart", h = "", x = 320 + i, y = 1200, vw = 1280, vh = 800,
        });
        _body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { v = 1, site = "shop", sid = "00000000000000aa", vid = "00000000000000bb", events }));
        _messagePack = MessagePack.MessagePackSerializer.ConvertFromJson(Encoding.UTF8.GetString(_body));
    }

    [Benchmark(Baseline = true)]
    public int WalkTokens()
    {
        var reader = new Utf8JsonReader(_body);
        var tokens = 0;
        while (reader.Read()) tokens++;
        return tokens;
    }

    [Benchmark]
    public int Decode() => WireDecoder.Decode(_body).Events!.Count;

    [Benchmark]
    public int DecodeMessagePack() => WireDecoder.Decode(_messagePack, WireEncoding.MessagePack).Events!.Count;
}
