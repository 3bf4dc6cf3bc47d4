namespace ClickTrace.Traffic;

/// <summary>The generated shop's pages, steps and elements, and the truths planted in them.</summary>
public static class Shop
{
    public const string Home = "/";
    public const string ProductPrefix = "/product/";
    public const string Cart = "/cart";
    public const string Details = "/checkout/details";
    public const string Payment = "/checkout/payment";
    public const string Thanks = "/thanks";

    /// <summary>The shipping page, which product page visitors open and leave within seconds: the planted back-track.</summary>
    public const string Shipping = "/shipping";
    public const string Purchase = "purchase";
    public const string PayButton = "#pay";

    /// <summary>A footer link on every page that is seen but never clicked.</summary>
    public const string NeverClickedLink = "/careers";

    /// <summary>A link on product pages that leads to an error page.</summary>
    public const string BrokenLink = "/old-offer";

    /// <summary>The cart's coupon button that does nothing: it draws rage clicks.</summary>
    public const string RageButton = "#apply-coupon";

    /// <summary>The newsletter campaign (source / medium / campaign) whose two contents convert alike.</summary>
    public static readonly (string Source, string Medium, string Campaign) Newsletter = ("newsletter", "email", "winter-sale");

    /// <summary>The home page's banner placement: variant "b" converts better than "a" (data-ct-ad="hero-a" / "hero-b").</summary>
    public const string Banner = "hero";

    /// <summary>The product image, which looks zoomable and is not: dead clicks.</summary>
    public const string DeadImage = "#product-image";

    public static readonly string[] Products = ["mug", "cup", "teapot", "kettle", "tray", "spoon"];
    public static readonly string[] Browsing = ["/about", "/blog/tea", "/blog/coffee", "/shipping", "/contact"];
}
