using System.Globalization;
using ClickTrace.Traffic.DemoShop;

namespace ClickTrace.DemoShop;

using static DemoShopMap;
using static ShopLayout;

/// <summary>The shop's pages (the main element's content). The planted problems are marked "Planted:".</summary>
internal static class ShopPages
{
    private static string Price(decimal price) => "€" + price.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Cards(IEnumerable<Product> products) => "<div class=\"grid\">" + string.Concat(products.Select(p => $"""
        <div class="card"><h3><a id="p-{p.Slug}" href="{ProductPath(p)}">{H(p.Name)}</a></h3><p class="price">{Price(p.Price)}</p></div>
        """)) + "</div>";

    public static string Home(string heroVariant) => $"""
        <section id="hero" class="hero hero-{heroVariant}" data-ct-ad="{HeroPlacement}-{heroVariant}">
          {(heroVariant == "b"
              ? "<h2>Tea tastes better from cast iron</h2><p>Hand-cast teapots that keep it hot for an hour. Free delivery this week.</p>"
              : "<h2>Winter sale</h2><p>Teapots, kettles and mugs for the cold months.</p>")}
          <a id="hero-cta" href="{CategoryPath(FindCategory("teapots")!)}">See the teapots</a>
        </section>
        <p>Looking for a present? <a id="gift-cards" href="{GiftCards}">Gift cards</a></p>
        <h1>Shop by category</h1>
        <div class="grid">{string.Concat(Categories.Select(c => $"""<div class="card"><h3>{H(c.Name)}</h3><p>{c.Products.Count} products</p></div>"""))}</div>
        """;

    public static string Category(Category category) => $"""
        <h1>{H(category.Name)}</h1>
        {Cards(category.Products)}
        """;

    public static string Search(string query)
    {
        var terms = query.Trim().ToLowerInvariant();
        var found = terms.Length == 0 ? [] : Products.Where(p => p.Name.Contains(terms, StringComparison.OrdinalIgnoreCase)).ToList();
        return $"""
            <h1>Search: {H(query)}</h1>
            {(found.Count == 0 ? "<p>Nothing found. Try mug, teapot or kettle.</p>" : Cards(found))}
            """;
    }

    public static string Product(Product product, string bundleVariant)
    {
        var category = CategoryOf(product);
        return $"""
            <p class="steps"><a id="crumb-category" href="{CategoryPath(category)}">{H(category.Name)}</a> › {H(product.Name)}</p>
            <h1>{H(product.Name)}</h1>
            <p class="price">{Price(product.Price)}</p>
            <p>Sizes: small, medium, large. <a id="size-guide" href="{DemoShopMap.SizeGuide}">Size guide</a></p>
            <form id="add-form" method="post" action="{CartAdd}">
              <input type="hidden" name="product" value="{product.Slug}">
              <button id="add-to-cart" type="submit">Add to cart</button>
            </form>
            <aside id="bundle" class="bundle" data-ct-ad="{BundlePlacement}-{bundleVariant}">
              {(bundleVariant == "b" ? "Bundle: add a tea towel for €5." : "Complete the set: matching coasters, €5.")}
            </aside>
            <p>Made in small batches. Dishwasher safe unless it is cast iron.</p>
            """;
    }

    public static string SizeGuide() => """
        <h1>Size guide</h1>
        <p>Small: 250 ml. Medium: 400 ml. Large: 600 ml. Teapots and kettles: 0.8 to 1.5 litres.</p>
        """;

    public static string Cart(IReadOnlyList<Product> items)
    {
        if (items.Count == 0) return """<h1>Your cart is empty</h1><p>Find something in the categories above.</p>""";
        var rows = string.Concat(items.Select(p => $"<li>{H(p.Name)} <span class=\"price\">{Price(p.Price)}</span></li>"));
        return $"""
            <h1 data-ct-step="cart">Your cart</h1>
            <ul>{rows}</ul>
            <p>Total: <span class="price">{Price(items.Sum(p => p.Price))}</span></p>
            <form id="coupon-form" onsubmit="return false">
              <label>Coupon code <input name="coupon" autocomplete="off"></label>
              <!-- Planted: this button does nothing. -->
              <button id="apply-coupon" type="button">Apply coupon</button>
            </form>
            <p><a id="checkout" href="{DemoShopMap.Address}">Checkout</a></p>
            """;
    }

    private static string Steps(int screen) =>
        "<p class=\"steps\">" + string.Join(" › ", new[] { "Address", "Delivery", "Personal details", "Payment" }.Select((s, i) => i + 1 == screen ? $"<b>{s}</b>" : s)) +
        $" · <a id=\"back-to-cart\" href=\"{DemoShopMap.Cart}\">Back to cart</a></p>";

    private static string Field(string name, string label, string type = "text", bool required = true, string hint = "") =>
        $"""<label>{label}{(required ? " *" : "")} <input name="{name}" type="{type}"{(required ? " required" : "")}>{(hint.Length > 0 ? $"<span class=\"hint\">{hint}</span>" : "")}</label>""";

    public static string Address() => $"""
        {Steps(1)}
        <h1 data-ct-step="checkout-address">Where should we deliver?</h1>
        <form id="address-form" class="checkout" method="post" action="{DemoShopMap.Address}">
          {Field("street", "Street and number")}
          {Field("city", "City")}
          {Field("postcode", "Postcode")}
          <label>Country <select name="country"><option>Germany</option><option>Austria</option><option>Netherlands</option></select></label>
          <button id="continue" type="submit">Continue</button>
        </form>
        """;

    public static string Delivery() => $"""
        {Steps(2)}
        <h1 data-ct-step="checkout-delivery">How fast?</h1>
        <form id="delivery-form" class="checkout" method="post" action="{DemoShopMap.Delivery}">
          <label><input type="radio" name="speed" value="standard" checked> Standard, 3–5 days, free</label>
          <label><input type="radio" name="speed" value="express"> Express, next day, €6.90</label>
          <button id="continue" type="submit">Continue</button>
        </form>
        """;

    /// <summary>Planted: an overlong form, with a required customer number that a new customer cannot have.</summary>
    public static string Details() => $"""
        {Steps(3)}
        <h1 data-ct-step="checkout-details">About you</h1>
        <form id="details-form" class="checkout" method="post" action="{DemoShopMap.Details}">
          <label>Title <select name="title"><option></option><option>Ms</option><option>Mr</option><option>Dr</option></select></label>
          {Field("first-name", "First name")}
          {Field("last-name", "Last name")}
          {Field("email", "Email", "email")}
          {Field("phone", "Phone", "tel")}
          {Field("birth-date", "Date of birth", "date")}
          {Field(ConfusingField, "Customer number", hint: "As printed on your loyalty card.")}
          {Field("company", "Company", required: false)}
          {Field("vat-id", "VAT id", required: false)}
          {Field("phone-2", "Second phone", "tel", required: false)}
          <label>How did you hear about us? <select name="heard"><option></option><option>Friends</option><option>Search</option><option>Advert</option></select></label>
          <label><input type="checkbox" name="newsletter" checked> Send me the newsletter</label>
          <button id="continue" type="submit">Continue</button>
        </form>
        """;

    public static string Payment(IReadOnlyList<Product> items) => $"""
        {Steps(4)}
        <h1 data-ct-step="checkout-payment">Payment</h1>
        <p>To pay: <span class="price">{Price(items.Sum(p => p.Price))}</span></p>
        <form id="payment-form" class="checkout" method="post" action="{DemoShopMap.Payment}">
          {Field("card-name", "Name on card")}
          {Field("card-number", "Card number")}
          {Field("expiry", "Expiry (MM/YY)")}
          {Field("cvc", "CVC")}
          <button id="pay" type="submit">Pay now</button>
        </form>
        """;

    public static string Thanks(IReadOnlyList<Product> items)
    {
        var total = items.Sum(p => p.Price).ToString("0.00", CultureInfo.InvariantCulture);
        return $$"""
            <h1 data-ct-step="purchase">Thank you!</h1>
            <p>Your order is on its way (not really: this is a demo).</p>
            <script>clicktrace('{{Purchase}}', { revenue: {{total}}, currency: 'EUR' });</script>
            """;
    }

    public static string Missing() => $"""
        <div class="missing" data-ct-404>
          <h1>Page not found</h1>
          <p>This page does not exist (any more). <a href="{DemoShopMap.Home}">Back to the shop</a></p>
        </div>
        """;
}
