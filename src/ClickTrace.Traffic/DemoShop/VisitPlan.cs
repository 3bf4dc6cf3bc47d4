namespace ClickTrace.Traffic.DemoShop;

/// <summary>One simulated visitor: who they are, which banner variants the shop shows them, and what they do.</summary>
/// <param name="Number">1-based, in the order the plans were made.</param>
/// <param name="Mobile">A phone (390 × 844, a mobile browser's User-Agent) rather than a desktop.</param>
/// <param name="Variants">The value of the shop's variant cookie, e.g. <c>hero-b.bundle-a</c>.</param>
/// <param name="Actions">Starts with an <see cref="Open"/>, ends with a <see cref="Leave"/>.</param>
public sealed record VisitPlan(int Number, VisitProfile Profile, bool Mobile, string HeroVariant, string BundleVariant, IReadOnlyList<VisitAction> Actions)
{
    public string Variants => $"{DemoShopMap.HeroPlacement}-{HeroVariant}.{DemoShopMap.BundlePlacement}-{BundleVariant}";

    /// <summary>Page loads: each opened, followed or submitted-to page (the tag's page views).</summary>
    public int Pageviews => Actions.Count(a => a is Open or Follow or Submit);

    /// <summary>The pages in the order they are shown.</summary>
    public IEnumerable<string> Pages => Actions.Select(a => a switch { Open o => o.Path, Follow f => f.Path, Submit s => s.Path, _ => null }).OfType<string>();

    public bool Purchases => Pages.Contains(DemoShopMap.Thanks);

    public static readonly string DesktopUserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    public static readonly string MobileUserAgent = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

    public string UserAgent => Mobile ? MobileUserAgent : DesktopUserAgent;
    public (int Width, int Height) Viewport => Mobile ? (390, 844) : (1280, 800);
}
