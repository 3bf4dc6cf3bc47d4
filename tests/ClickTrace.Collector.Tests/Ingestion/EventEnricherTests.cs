using ClickTrace.Collector.Ingestion;
using ClickTrace.Core.Events;

namespace ClickTrace.Collector.Tests.Ingestion;

public sealed class EventEnricherTests
{
    private static readonly TimeSpan Skew = TimeSpan.FromHours(1);
    private static readonly ClickTrace.Collector.Enrichment.ReferrerClassifier Referrers = new();
    private static readonly BatchFacts Facts = new(new ClickTrace.Collector.Enrichment.UserAgentInfo("Chrome", "Windows", "desktop", false), 0xff, 0xaaa);

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

        var e = EventEnricher.Build(batch, wire, Guid.NewGuid(), EventType.Click, new IngestContext(Build.Now, null, null), Facts, Referrers, new CollectorOptions());

        Assert.Equal(("main > button#buy", "button", "Buy now", 120, 2400), (e.Selector, e.Tag, e.Text, e.X, e.Y));
        Assert.Equal((0xffUL, 0xaaaUL, "/products", "desktop", "Chrome"), (e.SessionId, e.VisitorId, e.Path, e.Device, e.Browser));
        Assert.Equal(EventFlags.None, e.Flags);
    }

    [Fact]
    public void A_page_view_gets_its_referrer_class_and_campaign()
    {
        var wire = Build.Pageview();
        wire.Url = "https://shop.example/landing?utm_source=news&utm_medium=email&utm_campaign=spring&gclid=abc";
        wire.Referrer = "https://www.google.co.uk/";

        var e = EventEnricher.Build(Build.Batch(wire), wire, Guid.NewGuid(), EventType.Pageview, new IngestContext(Build.Now, null, null), Facts, Referrers, new CollectorOptions());

        Assert.Equal(("google.co.uk", "campaign", "news", "email", "spring", "gclid"), (e.ReferrerHost, e.ReferrerClass, e.UtmSource, e.UtmMedium, e.UtmCampaign, e.ClickIdType));
    }

    [Fact]
    public void Cut_strings_and_a_clamped_clock_are_flagged()
    {
        var wire = Build.Pageview();
        wire.Title = new string('t', Text.Title + 1);
        wire.Timestamp = 0;

        var e = EventEnricher.Build(Build.Batch(wire), wire, Guid.NewGuid(), EventType.Pageview, new IngestContext(Build.Now, null, null), Facts, Referrers, new CollectorOptions());

        Assert.Equal(EventFlags.ClockClamped | EventFlags.Truncated, e.Flags);
        Assert.Equal(Build.Now, e.Timestamp);
    }

    [Fact]
    public void Revenue_and_currency_leave_the_properties_for_fields_of_their_own()
    {
        var cut = false;

        var (properties, revenue, currency) = EventEnricher.Properties(
            new Dictionary<string, string> { ["plan"] = "pro", ["revenue"] = "49.90", ["currency"] = "eur" }, ref cut);

        Assert.Equal((49.90m, "EUR", false), (revenue, currency, cut));
        Assert.Equal(new Dictionary<string, string> { ["plan"] = "pro" }, properties);
    }

    [Theory]
    [InlineData("revenue", "lots")]
    [InlineData("revenue", "1e12")]
    [InlineData("currency", "euro")]
    public void A_revenue_or_currency_that_is_not_one_is_dropped_and_flagged(string key, string value)
    {
        var cut = false;

        var (_, revenue, currency) = EventEnricher.Properties(new Dictionary<string, string> { [key] = value }, ref cut);

        Assert.Equal((0m, "", true), (revenue, currency, cut));
    }

    [Fact]
    public void Properties_are_capped_in_number_and_length()
    {
        var cut = false;
        var given = Enumerable.Range(0, 30).ToDictionary(i => $"k{i}", i => i == 0 ? new string('v', 300) : "v");

        var (properties, _, _) = EventEnricher.Properties(given, ref cut);

        Assert.Equal(Text.Properties, properties.Count);
        Assert.Equal(Text.PropertyValue, properties["k0"].Length);
        Assert.True(cut);
    }

    [Fact]
    public void The_tags_capture_fields_are_bounded()
    {
        var wire = Build.Pageview();
        (wire.Duration, wire.ScrollDepth, wire.Count, wire.Line, wire.Interactive, wire.NotFound) = (-5, 250, 1_000_000, -1, 7, 1);

        var e = EventEnricher.Build(Build.Batch(wire), wire, Guid.NewGuid(), EventType.Engage, new IngestContext(Build.Now, null, null), Facts, Referrers, new CollectorOptions());

        Assert.Equal((0u, (byte)100, ushort.MaxValue, 0, true, true), (e.DurationMs, e.ScrollDepth, e.Count, e.Line, e.Interactive, e.ErrorPage));
    }

    [Fact]
    public void A_bot_is_flagged_and_its_device_says_so()
    {
        var wire = Build.Pageview();

        var e = EventEnricher.Build(Build.Batch(wire), wire, Guid.NewGuid(), EventType.Pageview, new IngestContext(Build.Now, null, null),
            Facts with { Agent = new ClickTrace.Collector.Enrichment.UserAgentInfo("", "", "desktop", IsBot: true) }, Referrers, new CollectorOptions());

        Assert.Equal((true, "bot"), (e.IsBot, e.Device));
    }

}
