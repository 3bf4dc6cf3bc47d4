using ClickTrace.Core.Events;
using ClickTrace.Storage.Events;

namespace ClickTrace.Storage.Tests.Events;

public sealed class EventRowsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 10, 11, 12, 345, TimeSpan.Zero);

    private static TrackedEvent Full() => new()
    {
        EventId = Guid.NewGuid(), SiteId = "shop", Type = EventType.Custom, Timestamp = At, ReceivedAt = At.AddSeconds(2),
        SessionId = ulong.MaxValue, VisitorId = 7, Url = "https://shop.example/a?b=1", Path = "/a", Referrer = "https://google.com/",
        Title = "Tasse · \"blau\"", Selector = "main > a#buy", Tag = "a", Text = "Kaufen 🛒", Href = "/cart", X = 10, Y = -3,
        ViewportWidth = 1280, ViewportHeight = 720, Name = "purchase", Device = "mobile", Browser = "Firefox", Os = "Android", IsBot = true,
        ReferrerHost = "google.com", ReferrerClass = "search", UtmSource = "news", UtmMedium = "email", UtmCampaign = "winter",
        UtmContent = "b", UtmTerm = "mug", ClickIdType = "gclid", Flags = EventFlags.ClockClamped | EventFlags.Truncated,
        ElementX = 5, ElementY = 6, Interactive = true, Ad = "summer-b", DurationMs = 61_234, ScrollDepth = 87, Count = 4, ErrorPage = true,
        Line = 42, Properties = new Dictionary<string, string> { ["plan"] = "pro", ["seats"] = "3" }, Revenue = 49.9m, Currency = "EUR", Country = "DE",
    };

    [Fact]
    public void Every_field_written_as_a_row_reads_back_equal()
    {
        var events = new[] { Full(), new TrackedEvent { EventId = Guid.NewGuid(), SiteId = "s", Type = EventType.Pageview, Timestamp = At, ReceivedAt = At, SessionId = 1, VisitorId = 2 } };
        using var batch = new EventRowBatch(events);

        var read = EventRows.Read(batch.Rows.Span);

        Assert.Equal(2, batch.Count);
        Assert.Equal(events.Length, read.Count);
        for (var i = 0; i < events.Length; i++)
        {
            // Records compare the dictionary by reference: compare it by content, the rest as records.
            Assert.Equal(events[i].Properties.OrderBy(p => p.Key), read[i].Properties.OrderBy(p => p.Key));
            Assert.Equal(events[i] with { Properties = read[i].Properties }, read[i]);
        }
    }

    [Fact]
    public void Rows_cut_short_are_a_format_error()
    {
        using var batch = new EventRowBatch([Full()]);
        var rows = batch.Rows.ToArray();

        Assert.Throws<FormatException>(() => EventRows.Read(rows.AsSpan(0, rows.Length - 1)));
    }
}
