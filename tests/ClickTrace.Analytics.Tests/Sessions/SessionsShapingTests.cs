using ClickTrace.Analytics.Sessions;

namespace ClickTrace.Analytics.Tests.Sessions;

public sealed class SessionsShapingTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 3, 10, 0, 0, TimeSpan.Zero);

    private static SessionEvent E(ulong session, string type, int seconds) =>
        new(session, 5, new TimelineEvent(T.AddSeconds(seconds), type, "/", "", "", "", "", "", 0, 0, ""));

    [Fact]
    public void Events_are_cut_into_sessions_newest_first_with_their_span_and_page_views()
    {
        var sessions = SessionsShaping.Timelines([E(1, "pageview", 0), E(1, "click", 30), E(1, "pageview", 95), E(2, "pageview", 4000)]);

        Assert.Equal(["0000000000000002", "0000000000000001"], sessions.Select(s => s.SessionId));
        Assert.Equal((TimeSpan.FromSeconds(95), 2, 3), (sessions[1].Duration, sessions[1].Pageviews, sessions[1].Events.Count));
        Assert.Equal(TimeSpan.Zero, sessions[0].Duration);
    }

    [Theory]
    [InlineData("00000000000000ff", true)]
    [InlineData("ffffffffffffffff", true)]
    [InlineData("ff", false)]
    [InlineData("0x000000000000ff", false)]
    [InlineData("zz000000000000ff", false)]
    [InlineData(null, false)]
    public void A_visitor_id_is_exactly_16_hex_digits(string? text, bool valid) => Assert.Equal(valid, SessionsShaping.TryParseHex(text, out _));
}
