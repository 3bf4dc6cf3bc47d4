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

    /// <summary><c>clicktrace.identify(id)</c>: the visitor is this customer from now on.</summary>
    Identify,

    /// <summary>An element marked <c>data-ct-step</c> was shown: the visitor reached that funnel step.</summary>
    Step,

    /// <summary>A link was at least half visible (once per link per page view).</summary>
    Impression,

    /// <summary>An element marked <c>data-ct-ad</c> was at least half visible for a second.</summary>
    AdView,

    /// <summary>A form field was used (focused, maybe changed, left): its name, type and the time spent, never its value.</summary>
    Field,

    /// <summary>A form was submitted.</summary>
    Submit,

    /// <summary>The page was left with a started, unsubmitted form.</summary>
    Abandon,

    /// <summary>Several quick clicks in one spot that changed nothing.</summary>
    Rage,

    /// <summary>A click that led to no navigation, no page change and no focus change.</summary>
    Dead,

    /// <summary>A click followed by a script error.</summary>
    ErrorClick,

    /// <summary>An uncaught script error or unhandled promise rejection.</summary>
    Error,

    /// <summary>How far a page view was scrolled and how long it was visible, sent when it ends.</summary>
    Engage,
}

/// <summary>Wire and storage names of <see cref="EventType"/> values.</summary>
public static class EventTypes
{
    public const string Pageview = "pageview";
    public const string Click = "click";
    public const string Custom = "custom";

    // Indexed by EventType; the wire names are what the tag sends and what the events table stores.
    private static readonly string[] Names =
        ["pageview", "click", "custom", "identify", "step", "impression", "adview", "field", "submit", "abandon", "rage", "dead", "errclick", "error", "engage"];

    // Short wire names the tag sends for the long ones (every byte of the tag counts); same order. Stored
    // under the long name.
    private static readonly string[] ShortNames =
        ["pv", "click", "custom", "ident", "step", "imp", "adv", "field", "sub", "aban", "rage", "dead", "errc", "error", "eng"];

    private static readonly byte[][] Utf8Names = Array.ConvertAll(Names, System.Text.Encoding.UTF8.GetBytes);
    private static readonly byte[][] Utf8ShortNames = Array.ConvertAll(ShortNames, System.Text.Encoding.UTF8.GetBytes);

    public static IReadOnlyList<string> All => Names;

    public static string Name(this EventType type) =>
        (uint)type < (uint)Names.Length ? Names[(int)type] : throw new ArgumentOutOfRangeException(nameof(type), type, null);

    /// <summary>A wire name, long or short, to its type.</summary>
    public static bool TryParse(string? name, out EventType type)
    {
        var i = Array.IndexOf(Names, name);
        type = (EventType)(i >= 0 ? i : Array.IndexOf(ShortNames, name));
        return (int)type >= 0;
    }

    /// <summary>The same, from the UTF-8 bytes of the name.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out EventType type)
    {
        for (var i = 0; i < Utf8Names.Length; i++)
        {
            if (utf8.SequenceEqual(Utf8Names[i]) || utf8.SequenceEqual(Utf8ShortNames[i]))
            {
                type = (EventType)i;
                return true;
            }
        }
        type = default;
        return false;
    }

    /// <summary>Types whose events mean nothing without a name (<c>n</c>).</summary>
    public static bool NeedsName(this EventType type) => type is EventType.Custom or EventType.Identify or EventType.Step;
}
