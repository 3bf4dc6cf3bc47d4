using ClickTrace.Core.Events;

namespace ClickTrace.Storage.Tests.Retention;

/// <summary>The events the retention tests store: a page view of a site at a time, in a session of its own.</summary>
internal static class RetentionEvents
{
    public static TrackedEvent Pageview(string site, DateTimeOffset at) => new()
    {
        EventId = Guid.NewGuid(), SiteId = site, Type = EventType.Pageview, Timestamp = at, ReceivedAt = at,
        SessionId = (ulong)at.ToUnixTimeMilliseconds(), VisitorId = 1, Url = "https://shop.example/", Path = "/", Country = "DE",
    };
}
