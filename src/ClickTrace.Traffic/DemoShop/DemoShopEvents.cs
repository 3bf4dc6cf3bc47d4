using ClickTrace.Core.Events;

namespace ClickTrace.Traffic.DemoShop;

using static DemoShopMap;

/// <summary>
/// The fast generator: the events the tag would record for a <see cref="VisitPlan"/>, without a browser.
/// Page views with their steps, link impressions and banner views, clicks, form fields, abandonment, rage
/// and dead clicks, engagement and the purchase, timed from <paramref name="start"/> by the plan's times.
/// The device, browser and OS are those the collector reads from the plan's User-Agent.
/// </summary>
public static class DemoShopEvents
{
    public static List<TrackedEvent> Render(VisitPlan plan, string siteId, string origin, ulong visitorId, ulong sessionId, DateTimeOffset start, Random random)
    {
        var writer = new Writer(plan, siteId, origin, visitorId, sessionId, start, random);
        foreach (var action in plan.Actions) writer.Do(action);
        return writer.Events;
    }

    private sealed class Writer(VisitPlan plan, string siteId, string origin, ulong visitorId, ulong sessionId, DateTimeOffset start, Random random)
    {
        public List<TrackedEvent> Events { get; } = [];
        private DateTimeOffset _at = start;
        private string _path = "";
        private string _url = "";
        private DateTimeOffset _shown;
        private int _scroll;
        private TrackedEvent? _lastField;
        private bool _formStarted;
        private decimal _cart;

        public void Do(VisitAction action)
        {
            switch (action)
            {
                case Open open: Show(open.Path); break;
                case Follow follow:
                    Add(EventType.Click, e => (e with { Selector = follow.Selector, Tag = "a", Text = follow.Text, Href = origin + follow.Path, Interactive = true }).Placed());
                    Show(follow.Path);
                    break;
                case Submit submit:
                    Add(EventType.Click, e => (e with { Selector = submit.Button, Tag = "button", Text = submit.Text, Interactive = true }).Placed());
                    Add(EventType.Submit, e => e with { Selector = FormOf(_path) });
                    _formStarted = false;
                    Show(submit.Path);
                    break;
                case Fill fill:
                    Elapse(fill.Milliseconds);
                    Field(fill.Field, fill.Milliseconds, changed: true);
                    break;
                case Hesitate hesitate:
                    Elapse(hesitate.Milliseconds);
                    _formStarted = true;
                    _lastField = Event(EventType.Field) with { Name = hesitate.Field, Tag = "text", Selector = FormOf(_path), DurationMs = (uint)hesitate.Milliseconds };
                    break;
                case Press press:
                    for (var i = 0; i < press.Times; i++)
                    {
                        Add(EventType.Click, e => (e with { Selector = press.Selector, Tag = "button", Text = press.Text, Interactive = true }).Placed());
                        Elapse(150);
                    }
                    if (press.Times >= 3) Add(EventType.Rage, e => (e with { Selector = press.Selector, Tag = "button", Text = press.Text, Count = (ushort)press.Times }).Placed());
                    else Add(EventType.Dead, e => (e with { Selector = press.Selector, Tag = "button", Text = press.Text }).Placed());
                    Elapse(3000);
                    break;
                case Read read:
                    Elapse(read.Milliseconds);
                    _scroll = Math.Max(_scroll, read.ScrollPercent);
                    break;
                case Leave: End(); break;
            }
        }

        private void Field(string name, int ms, bool changed)
        {
            _formStarted = true;
            _lastField = Event(EventType.Field) with { Name = name, Tag = name == "email" ? "email" : "text", Selector = FormOf(_path), DurationMs = (uint)ms, Count = (ushort)(changed ? 1 : 0) };
            Events.Add(_lastField);
        }

        private void Show(string pathAndQuery)
        {
            var referrer = _url;
            End();
            _url = origin + pathAndQuery;
            _path = pathAndQuery.Split('?')[0];
            _shown = _at;
            _scroll = 0;
            Add(EventType.Pageview, e => e with { Title = Title(_path), Referrer = referrer, ErrorPage = IsMissing(_path), ReferrerHost = "" });
            foreach (var (selector, text, href, y) in Links(_path))
                Add(EventType.Impression, e => e with { Selector = selector, Text = text, Href = origin + href, X = 120, Y = y });
            var step = Checkout.FirstOrDefault(c => c.Path == _path).Step;
            if (step is not null) Add(EventType.Step, e => e with { Name = step });
            if (_path == Home) Add(EventType.AdView, e => e with { Selector = "#hero", Ad = $"{HeroPlacement}-{plan.HeroVariant}" });
            if (_path.StartsWith(Base + "/product/", StringComparison.Ordinal))
            {
                Add(EventType.AdView, e => e with { Selector = "#bundle", Ad = $"{BundlePlacement}-{plan.BundleVariant}" });
                _cart = FindProduct(_path[(Base.Length + "/product/".Length)..])?.Price ?? _cart;
            }
            if (_path == Thanks)
                Add(EventType.Custom, e => e with { Name = Purchase, Revenue = _cart, Currency = "EUR", Properties = new Dictionary<string, string> { ["revenue"] = _cart.ToString(System.Globalization.CultureInfo.InvariantCulture), ["currency"] = "EUR" } });
        }

        /// <summary>The page view ends: an abandoned form, then the engagement.</summary>
        private void End()
        {
            if (_path.Length == 0) return;
            if (_formStarted && _lastField is not null) Add(EventType.Abandon, e => _lastField with { EventId = e.EventId, Type = EventType.Abandon, Timestamp = e.Timestamp, Count = 0 });
            Add(EventType.Engage, e => e with { ScrollDepth = (byte)Math.Max(_scroll, 10), DurationMs = (uint)(_at - _shown).TotalMilliseconds });
            _formStarted = false;
            _lastField = null;
            _path = "";
        }

        private void Elapse(int ms) => _at = _at.AddMilliseconds(ms);

        private void Add(EventType type, Func<TrackedEvent, TrackedEvent> shape)
        {
            Events.Add(shape(Event(type)));
            _at = _at.AddMilliseconds(random.Next(5, 60));
        }

        private TrackedEvent Event(EventType type)
        {
            var (width, height) = plan.Viewport;
            return new TrackedEvent
            {
                EventId = NewId(), SiteId = siteId, Type = type, Timestamp = _at, ReceivedAt = _at, SessionId = sessionId, VisitorId = visitorId,
                Url = _url, Path = _path, ViewportWidth = (ushort)width, ViewportHeight = (ushort)height,
                Device = plan.Mobile ? "mobile" : "desktop", Browser = "Chrome", Os = plan.Mobile ? "Android" : "Windows",
                ReferrerClass = _path == Home && type == EventType.Pageview ? ReferrerClasses.Direct : "",
            };
        }

        private Guid NewId()
        {
            Span<byte> id = stackalloc byte[16];
            random.NextBytes(id);
            return new Guid(id);
        }
    }

    /// <summary>
    /// Where a click on the event's element lands: each element has a spot of its own on the page (from its
    /// selector, the same on every page view, within the visitor's window) and each click falls within 24 px of
    /// it (from the event's random id), as real clicks scatter over a button.
    /// </summary>
    private static TrackedEvent Placed(this TrackedEvent e)
    {
        var spot = Fnv(e.Selector);
        var id = e.EventId.ToByteArray();
        var width = Math.Max(320, (int)e.ViewportWidth);
        var x = (int)(width * (0.1 + 0.8 * (spot % 1000) / 1000.0)) + id[0] % 49 - 24;
        var y = 120 + (int)(spot / 1000 % 900) + id[1] % 49 - 24;
        return e with { X = Math.Clamp(x, 0, width - 1), Y = Math.Max(0, y) };
    }

    /// <summary>FNV-1a of the text: the same on every run and machine (string hashes are randomized per process).</summary>
    private static uint Fnv(string text)
    {
        var hash = 2166136261;
        foreach (var c in text) hash = (hash ^ c) * 16777619;
        return hash;
    }

    /// <summary>The links a page shows in its first screen (the tag records an impression of each once per page view).</summary>
    private static IEnumerable<(string Selector, string Text, string Href, int Y)> Links(string path)
    {
        foreach (var c in Categories) yield return (CategoryLink(c), c.Name, CategoryPath(c), 20);
        if (path == Home)
        {
            yield return (HeroLink, "See the teapots", CategoryPath(FindCategory("teapots")!), 260);
            yield return (GiftCardsLink, "Gift cards", GiftCards, 420);
        }
        else if (path.StartsWith(Base + "/category/", StringComparison.Ordinal) && FindCategory(path[(Base.Length + "/category/".Length)..]) is { } category)
        {
            foreach (var p in category.Products) yield return (ProductLink(p), p.Name, ProductPath(p), 300);
        }
        else if (path.StartsWith(Base + "/product/", StringComparison.Ordinal))
        {
            yield return (SizeGuideLink, "Size guide", SizeGuide, 380);
        }
        else if (path == Cart) yield return (CheckoutLink, "Checkout", Address, 520);
    }

    private static bool IsMissing(string path) => path == GiftCards;

    private static string FormOf(string path) => path switch
    {
        Cart => "#coupon-form",
        Address => "#address-form",
        Delivery => "#delivery-form",
        Details => "#details-form",
        Payment => "#payment-form",
        Search => "#search",
        _ when path.StartsWith(Base + "/product/", StringComparison.Ordinal) => "#add-form",
        _ => "#search",
    };

    private static string Title(string path) => path switch
    {
        Home => "Teaware · home",
        Cart => "Teaware · cart",
        Thanks => "Teaware · thank you",
        _ when IsMissing(path) => "Teaware · page not found",
        _ => "Teaware · " + path[(Base.Length + 1)..],
    };
}
