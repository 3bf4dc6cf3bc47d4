namespace ClickTrace.Traffic.DemoShop;

/// <summary>
/// The visitors of the demo shop and the truths planted in them. Shares are met exactly (rounded to whole
/// visitors), not drawn at random, so a few hundred visitors already show the planted rates.
/// </summary>
public sealed record DemoShopTrafficOptions
{
    public int Seed { get; init; } = 1;
    public int Visitors { get; init; } = 200;

    /// <summary>Share of visitors who only browse.</summary>
    public double BrowseShare { get; init; } = 0.30;

    /// <summary>Share of visitors who get stuck at the coupon button and leave.</summary>
    public double FrustratedShare { get; init; } = 0.10;

    /// <summary>
    /// Of the rest, who all reach the cart and mean to buy: the share going on from the cart to the address
    /// screen, to delivery, to personal details, to payment, to the thank-you page.
    /// </summary>
    public IReadOnlyList<double> Continue { get; init; } = [0.85, 0.90, 0.90, 0.45, 0.90];

    /// <summary>Of those who give up at personal details, the share whose last field is the confusing one.</summary>
    public double ConfusingFieldShare { get; init; } = 0.8;

    /// <summary>Of those who browse, the share who try the gift cards link (which leads to the error page).</summary>
    public double BrokenLinkShare { get; init; } = 0.25;

    /// <summary>Of those who mean to buy, the share who try the coupon button once (a dead click) and go on.</summary>
    public double CouponOnceShare { get; init; } = 0.2;

    /// <summary>Of the buyers, the share who were shown hero banner "b" (of everyone else, half): "b" converts better.</summary>
    public double HeroBOfBuyers { get; init; } = 0.75;

    /// <summary>Share of visitors on a phone.</summary>
    public double MobileShare { get; init; } = 0.3;

    /// <summary>The checkout screen (1-based in <see cref="DemoShopMap.Checkout"/>) with the planted drop-off: personal details.</summary>
    public const int DetailsScreen = 4;

    /// <summary>The planted drop-off rate at personal details.</summary>
    public double DetailsDropOff => 1 - Continue[DetailsScreen - 1];

    /// <summary>Throws with a message naming the bad value.</summary>
    public void Validate()
    {
        if (Visitors is < 1 or > 100_000_000) throw new ArgumentOutOfRangeException(nameof(Visitors), Visitors, "Visitors must be 1 to 100,000,000.");
        if (Continue.Count != DemoShopMap.Checkout.Count - 1) throw new ArgumentException($"Continue needs {DemoShopMap.Checkout.Count - 1} rates, one per checkout screen after the cart.", nameof(Continue));
        foreach (var (name, value) in new[] { (nameof(BrowseShare), BrowseShare), (nameof(FrustratedShare), FrustratedShare), (nameof(ConfusingFieldShare), ConfusingFieldShare),
                     (nameof(BrokenLinkShare), BrokenLinkShare), (nameof(CouponOnceShare), CouponOnceShare), (nameof(HeroBOfBuyers), HeroBOfBuyers), (nameof(MobileShare), MobileShare) }
                     .Concat(Continue.Select(c => (nameof(Continue), c))))
            if (value is < 0 or > 1 || double.IsNaN(value)) throw new ArgumentOutOfRangeException(name, value, $"{name} must be between 0 and 1.");
        if (BrowseShare + FrustratedShare > 1) throw new ArgumentException("BrowseShare + FrustratedShare must be at most 1.");
    }

    /// <summary>The planted truths, as the simulator prints them.</summary>
    public IEnumerable<string> Truths()
    {
        yield return $"{Visitors:N0} visitors (seed {Seed}): {BrowseShare:P0} browse, {FrustratedShare:P0} get stuck at the coupon button, the rest start the checkout; {MobileShare:P0} on phones.";
        yield return $"Checkout: from the cart {string.Join(" → ", DemoShopMap.Checkout.Skip(1).Zip(Continue, (s, c) => $"{s.Step} {c:P0}"))} go on.";
        yield return $"Largest drop-off: personal details, {DetailsDropOff:P0} give up; {ConfusingFieldShare:P0} of them last touched '{DemoShopMap.ConfusingField}'.";
        yield return $"'Size guide' ({DemoShopMap.SizeGuideLink}) is on every product page and never clicked.";
        yield return $"'Gift cards' ({DemoShopMap.GiftCardsLink}) leads to a missing page; {BrokenLinkShare:P0} of browsers try it.";
        yield return $"'Apply coupon' ({DemoShopMap.CouponButton}) does nothing: rage clicks from the stuck, dead clicks from {CouponOnceShare:P0} of buyers-to-be.";
        yield return $"Hero banner: {HeroBOfBuyers:P0} of purchases come from variant b, which half of the visitors see: b converts better. The bundle banner's variants convert alike.";
    }
}
