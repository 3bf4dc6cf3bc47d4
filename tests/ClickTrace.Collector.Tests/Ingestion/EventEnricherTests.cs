using ClickTrace.Collector.Ingestion;
using ClickTrace.Core.Events;

namespace ClickTrace.Collector.Tests.Ingestion;

public sealed class EventEnricherTests
{
    private static readonly TimeSpan Skew = TimeSpan.FromHours(1);

    [Fact]
    public void Timestamps_within_the_skew_window_are_kept()
    {
        var at = Build.Now.AddMinutes(-59);

        Assert.Equal(at, EventEnricher.Clamp(at.ToUnixTimeMilliseconds(), Build.Now, Skew));
    }

    [Theory]
    [InlineData(-61)]
    [InlineData(61)]
    [InlineData(-60 * 24 * 365 * 60)]
    public void Timestamps_beyond_the_skew_window_become_the_receive_time(int minutes) =>
        Assert.Equal(Build.Now, EventEnricher.Clamp(Build.Now.AddMinutes(minutes).ToUnixTimeMilliseconds(), Build.Now, Skew));

    [Fact]
    public void Extreme_timestamps_do_not_overflow() =>
        Assert.Equal(Build.Now, EventEnricher.Clamp(long.MaxValue, Build.Now, Skew));

    [Theory]
    [InlineData("https://shop.example/products/blue%20mug?utm_source=x#top", "/products/blue mug")]
    [InlineData("https://shop.example", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("not a url", "/")]
    public void Path_is_taken_from_the_url(string url, string path) => Assert.Equal(path, EventEnricher.PathOf(url));

    [Theory]
    [InlineData(0, "")]
    [InlineData(390, "mobile")]
    [InlineData(800, "tablet")]
    [InlineData(1440, "desktop")]
    public void Device_class_follows_the_viewport_width(int width, string device) => Assert.Equal(device, EventEnricher.DeviceOf(width));

    [Fact]
    public void Strings_are_capped_without_splitting_a_surrogate_pair()
    {
        var text = new string('a', Text.VisibleText - 1) + "🖱️";

        var capped = Text.Cap(text, Text.VisibleText);

        Assert.Equal(Text.VisibleText - 1, capped.Length);
        Assert.True(capped.All(c => !char.IsSurrogate(c)));
    }

    [Fact]
    public void A_click_keeps_its_element_and_the_batch_ids()
    {
        var wire = Build.Pageview();
        wire.Type = "click";
        wire.Selector = "main > button#buy";
        wire.Tag = "BUTTON";
        wire.Text = "  Buy now ";
        wire.X = 120;
        wire.Y = 2400;
        var batch = Build.Batch(wire);

        var e = EventEnricher.Build(batch, wire, Guid.NewGuid(), EventType.Click, new IngestContext(Build.Now, null, null), new CollectorOptions());

        Assert.Equal(("main > button#buy", "button", "Buy now", 120, 2400), (e.Selector, e.Tag, e.Text, e.X, e.Y));
        Assert.Equal((0xffUL, 0xaaaUL, "/products", "desktop"), (e.SessionId, e.VisitorId, e.Path, e.Device));
    }

    [Fact]
    public void Without_a_visitor_id_the_session_stands_in()
    {
        var wire = Build.Pageview();
        var batch = Build.Batch(wire);
        batch.VisitorId = null;

        var e = EventEnricher.Build(batch, wire, Guid.NewGuid(), EventType.Pageview, new IngestContext(Build.Now, null, null), new CollectorOptions());

        Assert.Equal(e.SessionId, e.VisitorId);
    }
}
