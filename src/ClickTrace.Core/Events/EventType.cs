namespace ClickTrace.Core.Events;

/// <summary>What an event records. Stored by its wire name (see <see cref="EventTypes"/>).</summary>
public enum EventType
{
    /// <summary>A page was shown, including single-page-app navigations.</summary>
    Pageview,

    /// <summary>An element was clicked.</summary>
    Click,

    /// <summary>A custom event sent with <c>clicktrace(name, props)</c>.</summary>
    Custom,
}

/// <summary>Wire and storage names of <see cref="EventType"/> values.</summary>
public static class EventTypes
{
    public const string Pageview = "pageview";
    public const string Click = "click";
    public const string Custom = "custom";

    public static string Name(this EventType type) => type switch
    {
        EventType.Pageview => Pageview,
        EventType.Click => Click,
        EventType.Custom => Custom,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool TryParse(string? name, out EventType type)
    {
        switch (name)
        {
            case Pageview: type = EventType.Pageview; return true;
            case Click: type = EventType.Click; return true;
            case Custom: type = EventType.Custom; return true;
            default: type = default; return false;
        }
    }

    /// <summary>The same, from the UTF-8 bytes of the name.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out EventType type)
    {
        if (utf8.SequenceEqual("pageview"u8)) type = EventType.Pageview;
        else if (utf8.SequenceEqual("click"u8)) type = EventType.Click;
        else if (utf8.SequenceEqual("custom"u8)) type = EventType.Custom;
        else
        {
            type = default;
            return false;
        }
        return true;
    }
}
