namespace ClickTrace.Traffic;

/// <summary>
/// The shape of generated shop traffic and the truths planted in it. The checkout funnel is home → product
/// page → cart → details → payment → purchase; <see cref="Continue"/> holds the chance of going on from each
/// step to the next.
/// </summary>
public sealed record ShopTrafficOptions
{
    public string SiteId { get; init; } = "shop";
    public int Seed { get; init; } = 1;
    public int Visitors { get; init; } = 1000;

    /// <summary>The first day's midnight (UTC); sessions start at random moments of <see cref="Days"/> days.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    public int Days { get; init; } = 7;

    /// <summary>Chance of going on from home to a product page, to the cart, to details, to payment, to a purchase.</summary>
    public IReadOnlyList<double> Continue { get; init; } = [0.7, 0.5, 0.6, 0.45, 0.8];

    /// <summary>Share of visitors who come back for a second session.</summary>
    public double Returning { get; init; } = 0.3;

    /// <summary>Share of sessions that start on a product page (from a search or an ad), not on the home page.</summary>
    public double DeepEntry { get; init; } = 0.15;

    /// <summary>Share of sessions that land from the newsletter campaign, half on its content "a", half on "b" (which convert alike).</summary>
    public double CampaignShare { get; init; } = 0.2;

    /// <summary>
    /// How much more often visitors shown the home page's banner variant "b" (hero-b) go on from a product
    /// page to the cart than those shown "a" (each visitor always sees the same one).
    /// </summary>
    public double BannerLift { get; init; } = 1.5;

    /// <summary>Share of product page visits that detour to the shipping page and come straight back (a back-track).</summary>
    public double ShippingDetour { get; init; } = 0.15;

    /// <summary>Share of events whose client clock runs a little behind (up to 3 s), so they arrive out of order.</summary>
    public double OutOfOrder { get; init; } = 0.02;
}
