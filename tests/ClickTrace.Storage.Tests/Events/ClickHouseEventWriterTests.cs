using ClickTrace.Core.Events;
using ClickTrace.Storage.Events;
using ClickTrace.Storage;
using ClickTrace.Testing;

namespace ClickTrace.Storage.Tests.Events;

public abstract class ClickHouseEventWriterTests(StoreKind kind) : MigratedDatabaseTest(kind)
{
    [Fact]
    public async Task Written_events_read_back_with_every_field()
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        var click = new TrackedEvent
        {
            EventId = Guid.NewGuid(), SiteId = "shop", Type = EventType.Click, Timestamp = at, ReceivedAt = at.AddSeconds(1),
            SessionId = ulong.MaxValue, VisitorId = 7, Url = "https://shop.example/a?b=1", Path = "/a", Referrer = "https://google.com/",
            Title = "A \"title\"", Selector = "main > a#buy", Tag = "a", Text = "Buy\tnow", Href = "/cart", X = 10, Y = -3,
            ViewportWidth = 1280, ViewportHeight = 720, Name = "", Device = "desktop",
        };

        await new ClickHouseEventWriter(Store).WriteAsync([click]);
        var row = Assert.Single((await Store.QueryAsync(
            "SELECT event_id, type, timestamp, session_id, visitor_id, selector, text, href, x, y, viewport_width, device, title FROM events")).Rows);

        Assert.Equal(click.EventId, row[0]);
        Assert.Equal("click", row[1]);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds()).UtcDateTime, row[2]);
        Assert.Equal(ulong.MaxValue, row[3]);
        Assert.Equal(7UL, row[4]);
        Assert.Equal("main > a#buy", row[5]);
        Assert.Equal("Buy\tnow", row[6]);
        Assert.Equal("/cart", row[7]);
        Assert.Equal(10, row[8]);
        Assert.Equal(-3, row[9]);
        Assert.Equal((ushort)1280, row[10]);
        Assert.Equal("desktop", row[11]);
        Assert.Equal("A \"title\"", row[12]);
    }

    [Fact]
    public async Task The_tags_capture_fields_properties_and_revenue_read_back()
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        var purchase = new TrackedEvent
        {
            EventId = Guid.NewGuid(), SiteId = "shop", Type = EventType.Custom, Timestamp = at, ReceivedAt = at, SessionId = 1, VisitorId = 2,
            Name = "purchase", Properties = new Dictionary<string, string> { ["plan"] = "pro", ["seats"] = "3" }, Revenue = 49.9m, Currency = "EUR",
            ElementX = 5, ElementY = 6, Interactive = true, Ad = "summer-b", DurationMs = 61_234, ScrollDepth = 87, Count = 4, ErrorPage = true, Line = 42,
        };

        await new ClickHouseEventWriter(Store).WriteAsync([purchase]);
        var row = Assert.Single((await Store.QueryAsync(
            """
            SELECT props['plan'], props['seats'], toString(revenue), currency, element_x, element_y, interactive, ad,
                   duration_ms, scroll_depth, count, error_page, line
            FROM events
            """)).Rows);

        Assert.Equal(["pro", "3", "49.9", "EUR", 5, 6, true, "summer-b", 61_234u, (byte)87, (ushort)4, true, 42], row);
    }

    [Fact]
    public async Task A_batch_is_one_insert_of_all_its_rows()
    {
        var now = DateTimeOffset.UtcNow;
        var batch = Enumerable.Range(0, 5000).Select(i => new TrackedEvent
        {
            EventId = Guid.NewGuid(), SiteId = "shop", Type = EventType.Pageview, Timestamp = now, ReceivedAt = now,
            SessionId = (ulong)(i % 100), VisitorId = (ulong)(i % 50), Path = $"/p/{i % 10}",
        }).ToList();

        await new ClickHouseEventWriter(Store).WriteAsync(batch);

        var row = Assert.Single((await Store.QueryAsync("SELECT count(), uniqExact(session_id), uniqExact(path) FROM events")).Rows);
        Assert.Equal([5000UL, 100UL, 10UL], row.Cast<ulong>());
    }

    [Fact]
    public async Task A_batch_written_again_with_the_same_token_is_stored_once()
    {
        var now = DateTimeOffset.UtcNow;
        var batch = Enumerable.Range(0, 100).Select(i => new TrackedEvent
        {
            EventId = Guid.NewGuid(), SiteId = "shop", Type = EventType.Pageview, Timestamp = now, ReceivedAt = now, SessionId = (ulong)i, VisitorId = 1,
        }).ToList();
        var writer = new ClickHouseEventWriter(Store);

        await writer.WriteAsync(batch, "wal-1.0-1.500");
        await writer.WriteAsync(batch, "wal-1.0-1.500");
        await writer.WriteAsync(batch.Take(10).ToList(), "wal-1.500-1.600");

        Assert.Equal(110UL, (await Store.QueryAsync("SELECT count() FROM events")).Scalar());
    }

    [Fact]
    public async Task A_batch_cleared_after_its_insert_takes_the_next_events_on_the_same_buffer()
    {
        var now = DateTimeOffset.UtcNow;
        var writer = new ClickHouseEventWriter(Store);
        using var batch = new EventRowBatch(initialBytes: 256);
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 1000; i++)
                batch.Add(new TrackedEvent
                {
                    EventId = Guid.NewGuid(), SiteId = "shop", Type = EventType.Pageview, Timestamp = now, ReceivedAt = now,
                    SessionId = (ulong)round, VisitorId = 1, Path = $"/round/{round}",
                });
            await writer.WriteRowsAsync(batch, $"wal-{round}");
            batch.Clear();
            Assert.Equal((0, 0), (batch.Count, batch.Rows.Length));
        }

        var rows = (await Store.QueryAsync("SELECT session_id, count(), any(path) FROM events GROUP BY session_id ORDER BY session_id")).Rows;
        Assert.Equal([[0UL, 1000UL, "/round/0"], [1UL, 1000UL, "/round/1"], [2UL, 1000UL, "/round/2"]], rows);
    }

    [Fact]
    public void A_token_that_is_not_a_plain_word_is_refused() =>
        Assert.Throws<ArgumentException>(() => DeduplicationToken.Validate("x' , max_threads = 1 --"));
}

public sealed class EmbeddedClickHouseEventWriterTests() : ClickHouseEventWriterTests(StoreKind.Embedded);

public sealed class ServerClickHouseEventWriterTests() : ClickHouseEventWriterTests(StoreKind.Server);
