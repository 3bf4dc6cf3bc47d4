using System.Buffers;
using ClickTrace.Core.Events;
using ClickTrace.Storage.RowBinary;

namespace ClickTrace.Storage.Events;

/// <summary>The <c>events</c> table's columns and the RowBinary encoding of a <see cref="TrackedEvent"/> into them.</summary>
public static class EventRows
{
    public const string Table = "events";

    public static readonly IReadOnlyList<string> Columns =
    [
        "event_id", "site_id", "type", "timestamp", "received_at", "session_id", "visitor_id",
        "url", "path", "referrer", "title", "selector", "tag", "text", "href", "x", "y",
        "viewport_width", "viewport_height", "name", "device",
        "browser", "os", "is_bot", "referrer_host", "referrer_class",
        "utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term", "click_id_type", "flags",
        "element_x", "element_y", "interactive", "ad", "duration_ms", "scroll_depth", "count", "error_page", "line",
        "props", "revenue", "currency", "country",
    ];

    /// <summary>Revenue is stored as Decimal64 with this many decimal places.</summary>
    public const int RevenueScale = 4;

    public static void Write(IBufferWriter<byte> output, IEnumerable<TrackedEvent> events)
    {
        var row = new RowBinaryWriter(output);
        foreach (var e in events) Write(row, e);
    }

    /// <summary>One event as one row of <see cref="Columns"/>.</summary>
    public static void Write(RowBinaryWriter row, TrackedEvent e)
    {
        row.Uuid(e.EventId);
        row.String(e.SiteId);
        row.String(e.Type.Name());
        row.DateTime64Millis(e.Timestamp);
        row.DateTime64Millis(e.ReceivedAt);
        row.UInt64(e.SessionId);
        row.UInt64(e.VisitorId);
        row.String(e.Url);
        row.String(e.Path);
        row.String(e.Referrer);
        row.String(e.Title);
        row.String(e.Selector);
        row.String(e.Tag);
        row.String(e.Text);
        row.String(e.Href);
        row.Int32(e.X);
        row.Int32(e.Y);
        row.UInt16(e.ViewportWidth);
        row.UInt16(e.ViewportHeight);
        row.String(e.Name);
        row.String(e.Device);
        row.String(e.Browser);
        row.String(e.Os);
        row.Bool(e.IsBot);
        row.String(e.ReferrerHost);
        row.String(e.ReferrerClass);
        row.String(e.UtmSource);
        row.String(e.UtmMedium);
        row.String(e.UtmCampaign);
        row.String(e.UtmContent);
        row.String(e.UtmTerm);
        row.String(e.ClickIdType);
        row.UInt8((byte)e.Flags);
        row.Int32(e.ElementX);
        row.Int32(e.ElementY);
        row.Bool(e.Interactive);
        row.String(e.Ad);
        row.UInt32(e.DurationMs);
        row.UInt8(e.ScrollDepth);
        row.UInt16(e.Count);
        row.Bool(e.ErrorPage);
        row.Int32(e.Line);
        row.StringMap(e.Properties);
        row.Decimal64(e.Revenue, RevenueScale);
        row.String(e.Currency);
        row.String(e.Country);
    }

    /// <summary>The events of rows written by <see cref="Write(RowBinaryWriter, TrackedEvent)"/>: the encoding read back, for tests and tools.</summary>
    public static List<TrackedEvent> Read(ReadOnlySpan<byte> rows)
    {
        var events = new List<TrackedEvent>();
        var cursor = new RowBinaryCursor(rows);
        while (!cursor.AtEnd)
        {
            events.Add(new TrackedEvent
            {
                EventId = cursor.Uuid(),
                SiteId = cursor.String(),
                Type = EventTypes.TryParse(cursor.String(), out var type) ? type : throw new FormatException("Unknown event type in a row."),
                Timestamp = cursor.DateTime64Millis(),
                ReceivedAt = cursor.DateTime64Millis(),
                SessionId = cursor.UInt64(),
                VisitorId = cursor.UInt64(),
                Url = cursor.String(),
                Path = cursor.String(),
                Referrer = cursor.String(),
                Title = cursor.String(),
                Selector = cursor.String(),
                Tag = cursor.String(),
                Text = cursor.String(),
                Href = cursor.String(),
                X = cursor.Int32(),
                Y = cursor.Int32(),
                ViewportWidth = cursor.UInt16(),
                ViewportHeight = cursor.UInt16(),
                Name = cursor.String(),
                Device = cursor.String(),
                Browser = cursor.String(),
                Os = cursor.String(),
                IsBot = cursor.Bool(),
                ReferrerHost = cursor.String(),
                ReferrerClass = cursor.String(),
                UtmSource = cursor.String(),
                UtmMedium = cursor.String(),
                UtmCampaign = cursor.String(),
                UtmContent = cursor.String(),
                UtmTerm = cursor.String(),
                ClickIdType = cursor.String(),
                Flags = (EventFlags)cursor.UInt8(),
                ElementX = cursor.Int32(),
                ElementY = cursor.Int32(),
                Interactive = cursor.Bool(),
                Ad = cursor.String(),
                DurationMs = cursor.UInt32(),
                ScrollDepth = cursor.UInt8(),
                Count = cursor.UInt16(),
                ErrorPage = cursor.Bool(),
                Line = cursor.Int32(),
                Properties = cursor.StringMap(),
                Revenue = cursor.Decimal64(RevenueScale),
                Currency = cursor.String(),
                Country = cursor.String(),
            });
        }
        return events;
    }
}
