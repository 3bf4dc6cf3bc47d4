namespace ClickTrace.Analytics.Sessions;

/// <summary>An event as read from the engine, with its session and visitor.</summary>
public sealed record SessionEvent(ulong SessionId, ulong VisitorId, TimelineEvent Event);

/// <summary>Cuts the events into sessions: plain C#, unit-tested without a database.</summary>
public static class SessionsShaping
{
    /// <param name="events">In time order.</param>
    public static IReadOnlyList<SessionTimeline> Timelines(IEnumerable<SessionEvent> events) =>
        events.GroupBy(e => (e.SessionId, e.VisitorId))
            .Select(s =>
            {
                var list = s.Select(e => e.Event).ToList();
                return new SessionTimeline(Hex(s.Key.SessionId), Hex(s.Key.VisitorId), list[0].At, list[^1].At, list[^1].At - list[0].At,
                    list.Count(e => e.Type == "pageview"), list);
            })
            .OrderByDescending(s => s.Start).ThenBy(s => s.SessionId, StringComparer.Ordinal)
            .ToList();

    public static string Hex(ulong id) => id.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    public static bool TryParseHex(string? text, out ulong id) =>
        ulong.TryParse(text, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out id) && text!.Length == 16;
}
