using System.Buffers;
using BenchmarkDotNet.Attributes;
using ClickTrace.Core.Events;
using ClickTrace.Storage.Events;

namespace ClickTrace.Benchmarks;

/// <summary>
/// Encoding events as RowBinary for one insert, against a baseline that copies the same strings' UTF-8
/// bytes into the buffer (the floor for any encoding of these rows).
/// </summary>
[MemoryDiagnoser]
public class EventRowsBenchmarks
{
    private TrackedEvent[] _events = [];
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);

    [Params(1_000, 10_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var now = DateTimeOffset.UtcNow;
        _events = Enumerable.Range(0, Events).Select(i => new TrackedEvent
        {
            EventId = Guid.NewGuid(), SiteId = "shop", Type = i % 3 == 0 ? EventType.Pageview : EventType.Click, Timestamp = now, ReceivedAt = now,
            SessionId = (ulong)i, VisitorId = (ulong)i / 3, Url = "https://shop.example/products/blue-mug", Path = "/products/blue-mug",
            Selector = "main > button[data-testid=\"add\"]", Tag = "button", Text = "Add to cart", X = i, Y = 1200, ViewportWidth = 1280, ViewportHeight = 800,
        }).ToArray();
    }

    [Benchmark(Baseline = true)]
    public int CopyStrings()
    {
        _buffer.ResetWrittenCount();
        foreach (var e in _events)
            foreach (var text in (ReadOnlySpan<string>)[e.SiteId, e.Url, e.Path, e.Selector, e.Tag, e.Text])
            {
                var span = _buffer.GetSpan(text.Length * 3);
                _buffer.Advance(System.Text.Encoding.UTF8.GetBytes(text, span));
            }
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int EncodeRowBinary()
    {
        _buffer.ResetWrittenCount();
        EventRows.Write(_buffer, _events);
        return _buffer.WrittenCount;
    }
}
