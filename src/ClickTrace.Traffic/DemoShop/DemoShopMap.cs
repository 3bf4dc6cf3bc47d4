namespace ClickTrace.Traffic.DemoShop;

/// <summary>
/// The demo shop (samples/DemoShop) as its visitors see it: paths, the ids of the elements they use, the
/// checkout's form fields, the banners, and the planted problems. The shop renders exactly these; the
/// traffic simulator's browsers click them and the fast generator writes the events the tag would.
/// </summary>
public static class DemoShopMap
{
    /// <summary>Every page lives under this base, wherever the shop is mounted, so traffic paths are the same everywhere.</summary>
    public const string Base = "/shop";

    public const string Home = Base + "/";
    public const string Search = Base + "/search";
    public const string Cart = Base + "/cart";
    public const string CartAdd = Base + "/cart/add";
    public const string Address = Base + "/checkout/address";
    public const string Delivery = Base + "/checkout/delivery";
    public const string Details = Base + "/checkout/details";
    public const string Payment = Base + "/checkout/payment";
    public const string Thanks = Base + "/thanks";

    /// <summary>Planted: the "Size guide" link on every product page, in plain sight, that nobody clicks.</summary>
    public const string SizeGuide = Base + "/size-guide";
    public const string SizeGuideLink = "#size-guide";

    /// <summary>Planted: the home page's "Gift cards" link leads to a page that does not exist (the shop's error page).</summary>
    public const string GiftCards = Base + "/gift-cards";
    public const string GiftCardsLink = "#gift-cards";

    /// <summary>Planted: the cart's "Apply coupon" button does nothing (rage and dead clicks).</summary>
    public const string CouponButton = "#apply-coupon";

    /// <summary>Planted: the home page's hero banner; variant "b" converts better than "a".</summary>
    public const string HeroPlacement = "hero";
    public const string HeroLink = "#hero-cta";

    /// <summary>The product pages' bundle banner, whose two variants convert alike.</summary>
    public const string BundlePlacement = "bundle";

    /// <summary>The cookie that holds a visitor's banner variants ("hero-b.bundle-a"); the shop sets it at random when missing.</summary>
    public const string VariantCookie = "shop_ab";

    public const string AddToCartButton = "#add-to-cart";
    public const string CheckoutLink = "#checkout";
    public const string ContinueButton = "#continue";
    public const string PayButton = "#pay";
    public const string BackToCartLink = "#back-to-cart";
    public const string SearchBox = "#q";
    public const string Purchase = "purchase";

    /// <summary>The checkout's screens in order, each with its data-ct-step name.</summary>
    public static readonly IReadOnlyList<(string Path, string Step)> Checkout =
    [
        (Cart, "cart"), (Address, "checkout-address"), (Delivery, "checkout-delivery"),
        (Details, "checkout-details"), (Payment, "checkout-payment"), (Thanks, "purchase"),
    ];

    /// <summary>The address screen's fields (all required).</summary>
    public static readonly IReadOnlyList<string> AddressFields = ["street", "city", "postcode"];

    /// <summary>
    /// The personal-details screen: an overlong form. The required ones come first in this list; the
    /// confusing one is <see cref="ConfusingField"/>.
    /// </summary>
    public static readonly IReadOnlyList<string> DetailsFields = ["first-name", "last-name", "email", "phone", "birth-date", "customer-number"];

    /// <summary>Planted: "Customer number (from your loyalty card)", required, which a new customer does not have.</summary>
    public const string ConfusingField = "customer-number";

    public static readonly IReadOnlyList<string> PaymentFields = ["card-name", "card-number", "expiry", "cvc"];

    public static readonly IReadOnlyList<Category> Categories =
    [
        new("mugs", "Mugs", [new("blue-mug", "Blue mug", 12.00m), new("stoneware-mug", "Stoneware mug", 16.00m)]),
        new("teapots", "Teapots", [new("cast-iron-teapot", "Cast-iron teapot", 49.00m), new("glass-teapot", "Glass teapot", 34.00m)]),
        new("kettles", "Kettles", [new("gooseneck-kettle", "Gooseneck kettle", 59.00m), new("stovetop-kettle", "Stovetop kettle", 39.00m)]),
    ];

    public static IEnumerable<Product> Products => Categories.SelectMany(c => c.Products);

    public static string CategoryPath(Category category) => $"{Base}/category/{category.Slug}";
    public static string CategoryLink(Category category) => $"#nav-{category.Slug}";
    public static string ProductPath(Product product) => $"{Base}/product/{product.Slug}";
    public static string ProductLink(Product product) => $"#p-{product.Slug}";
    public static Product? FindProduct(string slug) => Products.FirstOrDefault(p => p.Slug == slug);
    public static Category? FindCategory(string slug) => Categories.FirstOrDefault(c => c.Slug == slug);
    public static Category CategoryOf(Product product) => Categories.First(c => c.Products.Contains(product));

    public sealed record Category(string Slug, string Name, IReadOnlyList<Product> Products);

    public sealed record Product(string Slug, string Name, decimal Price);
}
