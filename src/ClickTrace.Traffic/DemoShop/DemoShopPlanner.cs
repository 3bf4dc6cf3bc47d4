namespace ClickTrace.Traffic.DemoShop;

using static DemoShopMap;

/// <summary>
/// Makes the visitors of <see cref="DemoShopTrafficOptions"/>, reproducibly from its seed: each one's
/// profile, device, banner variants and every action, with the planted shares met exactly.
/// </summary>
public static class DemoShopPlanner
{
    public static IReadOnlyList<VisitPlan> Plan(DemoShopTrafficOptions options)
    {
        options.Validate();
        var random = new Random(options.Seed);
        var n = options.Visitors;
        var browse = Share(n, options.BrowseShare);
        var frustrated = Share(n, options.FrustratedShare);
        var checkout = n - browse - frustrated;

        // How far each checkout visitor gets: level k means they reached screen k + 1 (0: the cart only).
        var levels = new List<int>(checkout);
        var reached = checkout;
        for (var screen = 0; screen <= options.Continue.Count; screen++)
        {
            var onward = screen < options.Continue.Count ? Share(reached, options.Continue[screen]) : 0;
            levels.AddRange(Enumerable.Repeat(screen, reached - onward));
            reached = onward;
        }
        var buyerLevel = options.Continue.Count;
        var seeds = new List<Visitor>(n);
        seeds.AddRange(Enumerable.Range(0, browse).Select(_ => new Visitor(VisitProfile.Browses, -1)));
        seeds.AddRange(Enumerable.Range(0, frustrated).Select(_ => new Visitor(VisitProfile.Frustrated, 0)));
        seeds.AddRange(levels.Select(l => new Visitor(l == buyerLevel ? VisitProfile.Buys : VisitProfile.Abandons, l)));

        var buyers = seeds.Where(s => s.Profile == VisitProfile.Buys).ToList();
        var others = seeds.Where(s => s.Profile != VisitProfile.Buys).ToList();
        Mark(random, buyers, options.HeroBOfBuyers, v => v.HeroB = true);
        Mark(random, others, 0.5, v => v.HeroB = true);
        Mark(random, seeds, 0.5, v => v.BundleB = true);
        Mark(random, seeds, options.MobileShare, v => v.Mobile = true);
        Mark(random, seeds.Where(s => s.Profile == VisitProfile.Browses).ToList(), options.BrokenLinkShare, v => v.TriesGiftCards = true);
        Mark(random, seeds.Where(s => s.Profile is VisitProfile.Abandons or VisitProfile.Buys).ToList(), options.CouponOnceShare, v => v.TriesCouponOnce = true);
        Mark(random, seeds.Where(s => s.Profile == VisitProfile.Abandons && s.Level == DemoShopTrafficOptions.DetailsScreen - 1).ToList(),
            options.ConfusingFieldShare, v => v.StopsAtConfusingField = true);

        Shuffle(random, seeds);
        return seeds.Select((v, i) => new VisitPlan(i + 1, v.Profile, v.Mobile, v.HeroB ? "b" : "a", v.BundleB ? "b" : "a", new Script(random, v).Write())).ToList();
    }

    private static int Share(int count, double share) => (int)Math.Round(count * share, MidpointRounding.AwayFromZero);

    /// <summary>Exactly <paramref name="share"/> of <paramref name="visitors"/>, chosen at random.</summary>
    private static void Mark(Random random, List<Visitor> visitors, double share, Action<Visitor> mark)
    {
        var chosen = visitors.ToList();
        Shuffle(random, chosen);
        foreach (var v in chosen.Take(Share(chosen.Count, share))) mark(v);
    }

    private static void Shuffle<T>(Random random, List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private sealed class Visitor(VisitProfile profile, int level)
    {
        public VisitProfile Profile { get; } = profile;
        public int Level { get; } = level;
        public bool HeroB { get; set; }
        public bool BundleB { get; set; }
        public bool Mobile { get; set; }
        public bool TriesGiftCards { get; set; }
        public bool TriesCouponOnce { get; set; }
        public bool StopsAtConfusingField { get; set; }
    }

    /// <summary>One visitor's actions, from their profile and marks.</summary>
    private sealed class Script(Random random, Visitor visitor)
    {
        private readonly List<VisitAction> _actions = [];

        public IReadOnlyList<VisitAction> Write()
        {
            _actions.Add(new Open(Home));
            Read(2000, 8000);
            if (visitor.Profile == VisitProfile.Browses) Browse();
            else Shop();
            _actions.Add(new Leave());
            return _actions;
        }

        private void Browse()
        {
            if (visitor.TriesGiftCards)
            {
                _actions.Add(new Follow(GiftCardsLink, "Gift cards", GiftCards));
                Read(1500, 5000);
                if (random.Next(2) == 0) return;
                _actions.Add(new Follow("#home", "Home", Home));
                Read(1500, 4000);
            }
            var product = ToProduct();
            if (random.NextDouble() < 0.4)
            {
                var category = CategoryOf(product);
                var other = category.Products.First(p => p != product);
                _actions.Add(new Follow("#crumb-category", category.Name, CategoryPath(category)));
                Read(1500, 4000);
                _actions.Add(new Follow(ProductLink(other), other.Name, ProductPath(other)));
                Read(3000, 12000);
            }
        }

        private void Shop()
        {
            ToProduct();
            _actions.Add(new Submit(AddToCartButton, "Add to cart", Cart));
            Read(2000, 6000);
            if (visitor.Profile == VisitProfile.Frustrated)
            {
                _actions.Add(new Fill("coupon", "WINTER10", Ms(2000, 5000)));
                _actions.Add(new Press(CouponButton, "Apply coupon", 4));
                if (random.Next(2) == 0) _actions.Add(new Press(CouponButton, "Apply coupon", 3));
                return;
            }
            if (visitor.TriesCouponOnce)
            {
                _actions.Add(new Fill("coupon", "SAVE5", Ms(2000, 5000)));
                _actions.Add(new Press(CouponButton, "Apply coupon", 1));
            }
            if (visitor.Level == 0) return;
            _actions.Add(new Follow(CheckoutLink, "Checkout", Address));
            if (!Form(AddressFields, visitor.Level == 1)) return;
            _actions.Add(new Submit(ContinueButton, "Continue", Delivery));
            Read(2000, 6000);
            if (visitor.Level == 2) return;
            _actions.Add(new Submit(ContinueButton, "Continue", Details));
            if (visitor.Level == 3)
            {
                // The overlong form: they get as far as the confusing field (most) or give up earlier.
                var fields = DetailsFields.ToList();
                var stop = visitor.StopsAtConfusingField ? fields.IndexOf(ConfusingField) : random.Next(2, fields.IndexOf(ConfusingField));
                for (var i = 0; i < stop; i++) _actions.Add(new Fill(fields[i], Value(fields[i]), Ms(2000, 8000)));
                _actions.Add(new Hesitate(fields[stop], fields[stop] == ConfusingField ? Ms(12000, 40000) : Ms(3000, 10000)));
                if (random.NextDouble() < 0.3)
                {
                    _actions.Add(new Follow(BackToCartLink, "Back to cart", Cart));
                    Read(1500, 4000);
                }
                return;
            }
            Form(DetailsFields, abandon: false);
            _actions.Add(new Submit(ContinueButton, "Continue", Payment));
            if (!Form(PaymentFields, visitor.Level == 4)) return;
            _actions.Add(new Submit(PayButton, "Pay now", Thanks));
            Read(2000, 6000);
        }

        /// <summary>Home → a category (by the menu, the hero banner or a search) → a product. Returns the product.</summary>
        private Product ToProduct()
        {
            var pick = random.NextDouble();
            Product product;
            if (pick < 0.2)
            {
                product = Products.ElementAt(random.Next(Products.Count()));
                var term = product.Name.Split(' ')[^1].ToLowerInvariant();
                _actions.Add(new Fill("q", term, Ms(1500, 4000)));
                _actions.Add(new Submit("#search-go", "Search", $"{Search}?q={term}"));
            }
            else if (pick < 0.45)
            {
                var teapots = FindCategory("teapots")!;
                product = teapots.Products[random.Next(teapots.Products.Count)];
                _actions.Add(new Follow(HeroLink, "See the teapots", CategoryPath(teapots)));
            }
            else
            {
                var category = Categories[random.Next(Categories.Count)];
                product = category.Products[random.Next(category.Products.Count)];
                _actions.Add(new Follow(CategoryLink(category), category.Name, CategoryPath(category)));
            }
            Read(1500, 5000);
            _actions.Add(new Follow(ProductLink(product), product.Name, ProductPath(product)));
            Read(3000, 15000);
            return product;
        }

        /// <summary>Fills a checkout form; when abandoning, only part of it. Returns whether the visitor goes on.</summary>
        private bool Form(IReadOnlyList<string> fields, bool abandon)
        {
            var count = abandon ? random.Next(1, fields.Count) : fields.Count;
            for (var i = 0; i < count; i++) _actions.Add(new Fill(fields[i], Value(fields[i]), Ms(1500, 6000)));
            if (abandon) Read(2000, 6000);
            return !abandon;
        }

        private void Read(int min, int max) => _actions.Add(new Read(Ms(min, max), random.Next(20, 101)));

        private int Ms(int min, int max) => random.Next(min, max);

        private static string Value(string field) => field switch
        {
            "email" => "visitor@example.com",
            "phone" => "+49 30 1234567",
            "birth-date" => "1990-04-12",
            "postcode" => "10115",
            "card-number" => "4242424242424242",
            "expiry" => "12/29",
            "cvc" => "123",
            "customer-number" => "000000",
            _ => "Sam",
        };
    }
}
