using ClickTrace.Collector.Log;
using ClickTrace.Core.Events;

namespace ClickTrace.Collector.Tests.Log;

public sealed class EventBatchCodecTests
{
    [Fact]
    public void Every_field_round_trips()
    {
        var e = new TrackedEvent
        {
            EventId = Guid.NewGuid(), SiteId = "shop", Type = EventType.Click, Timestamp = Build.Now, ReceivedAt = Build.Now.AddSeconds(1),
            SessionId = ulong.MaxValue, VisitorId = 42, Url = "https://x/ü", Path = "/ü", Referrer = "r", Title = "t", Selector = "#s", Tag = "a",
            Text = "Tëxt", Href = "/h", X = -5, Y = 99999, ViewportWidth = 1280, ViewportHeight = 720, Name = "n", Device = "mobile", Browser = "Firefox",
            Os = "Android", IsBot = true, ReferrerHost = "google.com", ReferrerClass = "search", UtmSource = "s", UtmMedium = "m", UtmCampaign = "c",
            UtmContent = "co", UtmTerm = "te", ClickIdType = "gclid", Flags = EventFlags.ClockClamped | EventFlags.Truncated,
        };

        var decoded = Assert.Single(EventBatchCodec.Read(EventBatchCodec.Encode([e])));

        Assert.Equal(e, decoded);
    }

    [Theory]
    [InlineData(new byte[] { 0x90 })]
    [InlineData(new byte[] { 0x92, 0x07, 0x90 })]
    [InlineData(new byte[] { 0x92, 0x01, 0x91, 0x91, 0x01 })]
    [InlineData(new byte[] { 0x92, 0x01, 0x91, 0xDC, 0x00, 0x21, 0xC4, 0xFF })]
    public void A_payload_that_is_not_an_event_batch_is_refused(byte[] payload) =>
        Assert.ThrowsAny<Exception>(() => EventBatchCodec.Read(payload));
}
