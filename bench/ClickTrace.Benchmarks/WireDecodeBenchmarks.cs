using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ClickTrace.Collector.Ingestion;

namespace ClickTrace.Benchmarks;

/// <summary>
/// Scanning and decoding a batch, against a baseline that only walks the same JSON tokens (the least
/// any JSON decoder must do). The ratios say what checking and building the model cost on top; the
/// source-generated reader and the MessagePack encoding of the same batch are measured alongside.
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

    /// <summary>What the request path does: check everything, build no event.</summary>
    [Benchmark]
    public int Scan()
    {
        var keys = new List<EventKey>(Events);
        WireDecoder.Scan(_body, WireEncoding.Json, keys);
        return keys.Count;
    }

    /// <summary>What the shipper does: build the events (the hand-rolled reader).</summary>
    [Benchmark]
    public int Decode() => WireDecoder.Decode(_body).Events!.Count;

    /// <summary>The same with System.Text.Json's source-generated reader, the reference for the grammar.</summary>
    [Benchmark]
    public int DecodeSourceGenerated() => JsonSerializer.Deserialize(_body, ClickTrace.Core.Wire.WireJsonContext.Default.WireBatch)!.Events!.Count;

    [Benchmark]
    public int DecodeMessagePack() => WireDecoder.Decode(_messagePack, WireEncoding.MessagePack).Events!.Count;
}
