using ClickTrace.Core.Events;

namespace ClickTrace.Traffic;

/// <summary>
/// Generates realistic sessions over a small shop, reproducibly from a seed: page views with browsing in
/// between, funnel steps, clicks, form fields, impressions, a never-clicked link, a broken link, rage
/// clicks, purchases with revenue, returning visitors and a few out-of-order client clocks.
/// </summary>
public static class ShopTraffic
{
    public static IEnumerable<TrackedEvent> Generate(ShopTrafficOptions options)
    {
        var random = new Random(options.Seed);
        for (var v = 1; v <= options.Visitors; v++)
        {
            var visitor = ((ulong)(uint)options.Seed << 40) | (uint)v;
            var sessions = random.NextDouble() < options.Returning ? 2 : 1;
            for (var s = 0; s < sessions; s++)
            {
                var session = new SessionWriter(options, random, visitor, (visitor << 2) | (uint)s,
                    options.Start.AddSeconds(random.NextDouble() * options.Days * 86400));
                foreach (var e in session.Run()) yield return e;
            }
        }
    }

    private sealed class SessionWriter(ShopTrafficOptions options, Random random, ulong visitor, ulong session, DateTimeOffset start)
    {
        private DateTimeOffset _at = start;
        private string _page = "";
        private string? _campaign;          // the landing page view's utm_content, until it is written
        private bool _sawBannerB;

        public IEnumerable<TrackedEvent> Run()
        {
            var events = new List<TrackedEvent>();
            _campaign = random.NextDouble() < options.CampaignShare ? (random.Next(2) == 0 ? "a" : "b") : null;
            var product = Shop.ProductPrefix + Shop.Products[random.Next(Shop.Products.Length)];
            if (random.NextDouble() < options.DeepEntry) View(events, product);
            else
            {
                View(events, Shop.Home);
                Browse(events);
                if (!Next(0)) return events;
                Click(events, $"a[href=\"{product}\"]", "View", product);
                View(events, product);
            }
            if (random.NextDouble() < 0.3) View(events, product);          // a repeated step: the page again
            if (random.NextDouble() < options.ShippingDetour)
            {
                // Looking for the delivery costs: the shipping page does not have them, back within seconds.
                View(events, Shop.Shipping, seconds: (2, 8));
                View(events, product);
            }
            if (random.NextDouble() < 0.05)
            {
                Click(events, $"a[href=\"{Shop.BrokenLink}\"]", "Old offer", Shop.BrokenLink);
                View(events, Shop.BrokenLink, errorPage: true);
                return events;
            }
            if (random.NextDouble() >= options.Continue[1] * (_sawBannerB ? options.BannerLift : 1)) return events;
            View(events, Shop.Cart);
            Step(events, "cart");
            if (random.NextDouble() < 0.1)
            {
                events.Add(Event(EventType.Rage) with { Selector = Shop.RageButton, Tag = "button", Text = "Apply", Count = 4 });
                Tick(1, 4);
            }
            if (!Next(2)) return events;
            View(events, Shop.Details);
            Step(events, "checkout-details");
            var pays = Next(3);
            Fields(events, ["email", "name", "street", "phone"], abandon: !pays);
            if (!pays) return events;
            View(events, Shop.Payment);
            Step(events, "checkout-payment");
            if (!Next(4)) return events;
            Click(events, Shop.PayButton, "Pay now", "");
            View(events, Shop.Thanks);
            events.Add(Event(EventType.Custom) with { Name = Shop.Purchase, Revenue = Math.Round(10 + (decimal)random.NextDouble() * 90, 2), Currency = "EUR" });
            return events;
        }

        /// <summary>Whether the visitor goes on from funnel step <paramref name="step"/> to the next.</summary>
        private bool Next(int step) => random.NextDouble() < options.Continue[step];

        private void Browse(List<TrackedEvent> events)
        {
            while (random.NextDouble() < 0.25) View(events, Shop.Browsing[random.Next(Shop.Browsing.Length)]);
        }

        private void View(List<TrackedEvent> events, string path, bool errorPage = false, (double Min, double Max)? seconds = null)
        {
            _page = path;
            var view = Event(EventType.Pageview) with { ErrorPage = errorPage, Title = path };
            if (_campaign is not null)
            {
                view = view with { UtmSource = Shop.Newsletter.Source, UtmMedium = Shop.Newsletter.Medium, UtmCampaign = Shop.Newsletter.Campaign, UtmContent = _campaign };
                _campaign = null;
            }
            events.Add(view);
            if (path == Shop.Home)
            {
                var variant = visitor % 2 == 0 ? "a" : "b";
                _sawBannerB |= variant == "b";
                events.Add(Event(EventType.AdView) with { Selector = "#hero", Ad = $"{Shop.Banner}-{variant}" });
                if (random.NextDouble() < 0.1)
                    events.Add(Event(EventType.Click) with { Selector = "#hero a", Tag = "a", Text = "Winter sale", Href = "/sale", X = 640, Y = 200, Interactive = true, Ad = $"{Shop.Banner}-{variant}" });
            }
            events.Add(Event(EventType.Impression) with { Selector = "footer a:nth-of-type(3)", Text = "Careers", Href = Shop.NeverClickedLink, X = 600, Y = 2400 });
            if (path == Shop.Home)
                for (var i = 0; i < Shop.Products.Length; i++)
                    events.Add(Event(EventType.Impression) with { Selector = $"a[href=\"{Shop.ProductPrefix}{Shop.Products[i]}\"]", Text = "View", Href = Shop.ProductPrefix + Shop.Products[i], X = 100 + 150 * i, Y = 500 });
            else if (path.StartsWith(Shop.ProductPrefix, StringComparison.Ordinal))
                events.Add(Event(EventType.Impression) with { Selector = $"a[href=\"{Shop.BrokenLink}\"]", Text = "Old offer", Href = Shop.BrokenLink, X = 300, Y = 900 });
            if (path.StartsWith(Shop.ProductPrefix, StringComparison.Ordinal) && random.NextDouble() < 0.08)
                events.Add(Event(EventType.Dead) with { Selector = Shop.DeadImage, Tag = "img", X = 300, Y = 350 });   // the image looks zoomable
            if (path == Shop.Payment && random.NextDouble() < 0.05)
                events.Add(Event(EventType.Error) with { Name = "TypeError: card is undefined", Href = "https://shop.example/pay.js", Line = 42 });
            var shown = _at;
            var (min, max) = seconds ?? (2, 90);
            Tick(min, max);
            // The view ends: how deep it was scrolled and how long it was seen.
            events.Add(Event(EventType.Engage) with
            {
                ScrollDepth = (byte)random.Next(path == Shop.Home ? 30 : 10, 101), DurationMs = (uint)(_at - shown).TotalMilliseconds,
            });
        }

        private void Step(List<TrackedEvent> events, string name)
        {
            events.Add(Event(EventType.Step) with { Name = name });
            Tick(1, 3);
        }

        private void Click(List<TrackedEvent> events, string selector, string text, string href)
        {
            events.Add(Event(EventType.Click) with { Selector = selector, Tag = href == "" ? "button" : "a", Text = text, Href = href, X = 400, Y = 600, Interactive = true });
            Tick(1, 5);
        }

        private void Fields(List<TrackedEvent> events, string[] names, bool abandon)
        {
            var last = names.Length - (abandon ? 1 + random.Next(names.Length - 1) : 0);
            TrackedEvent? field = null;
            for (var i = 0; i < last; i++)
            {
                var ms = (uint)random.Next(1500, 20000);
                events.Add(field = Event(EventType.Field) with { Name = names[i], Tag = "text", Selector = "#checkout", DurationMs = ms, Count = 1 });
                Tick(ms / 1000, ms / 1000 + 1);
            }
            if (abandon && field is not null) events.Add(Event(EventType.Abandon) with { Name = field.Name, Tag = "text", Selector = "#checkout", DurationMs = field.DurationMs });
        }

        private void Tick(double min, double max) => _at = _at.AddSeconds(min + random.NextDouble() * (max - min));

        private TrackedEvent Event(EventType type)
        {
            var at = random.NextDouble() < options.OutOfOrder ? _at.AddMilliseconds(-random.Next(1, 3000)) : _at;
            _at = _at.AddMilliseconds(random.Next(1, 400));
            Span<byte> id = stackalloc byte[16];
            random.NextBytes(id);
            return new TrackedEvent
            {
                EventId = new Guid(id),
                SiteId = options.SiteId, Type = type, Timestamp = at, ReceivedAt = at, SessionId = session, VisitorId = visitor,
                Url = "https://shop.example" + _page, Path = _page, ViewportWidth = 1280, ViewportHeight = 800, Device = "desktop",
                Browser = "Chrome", Os = "Windows", Country = TrafficCountries.For(visitor),
            };
        }
    }
}
