using ClickTrace.Traffic.DemoShop;

namespace ClickTrace.DemoShop;

using static DemoShopMap;

/// <summary>
/// The shop's pages under /shop. The cart lives in a cookie (product slugs); checkout screens post to
/// themselves and redirect to the next one (post/redirect/get), so every screen is one page view.
/// </summary>
public static class ShopEndpoints
{
    private const string CartCookie = "shop_cart";

    public static IEndpointRouteBuilder MapDemoShop(this IEndpointRouteBuilder app, Func<ShopOptions> options)
    {
        var shop = app.MapGroup(Base).DisableAntiforgery().ExcludeFromDescription();
        IResult Page(HttpContext context, string title, string body, int status = 200) =>
            Results.Content(ShopLayout.Render(options(), title, body, Cart(context).Count), "text/html; charset=utf-8", statusCode: status);
        IResult NotFound(HttpContext context) => Page(context, "Page not found", ShopPages.Missing(), 404);

        shop.MapGet("/", (HttpContext c) => Page(c, "Home", ShopPages.Home(Variant(c, HeroPlacement))));
        shop.MapGet("/shop.css", () => Results.Text(ShopStyle.Css, "text/css"));
        shop.MapGet("/category/{slug}", (HttpContext c, string slug) =>
            FindCategory(slug) is { } category ? Page(c, category.Name, ShopPages.Category(category)) : NotFound(c));
        shop.MapGet("/product/{slug}", (HttpContext c, string slug) =>
            FindProduct(slug) is { } product ? Page(c, product.Name, ShopPages.Product(product, Variant(c, BundlePlacement))) : NotFound(c));
        shop.MapGet("/search", (HttpContext c, string? q) => Page(c, "Search", ShopPages.Search(q ?? "")));
        shop.MapGet("/size-guide", (HttpContext c) => Page(c, "Size guide", ShopPages.SizeGuide()));
        shop.MapGet("/cart", (HttpContext c) => Page(c, "Cart", ShopPages.Cart(Cart(c))));
        shop.MapPost("/cart/add", async (HttpContext c) =>
        {
            var form = await c.Request.ReadFormAsync(c.RequestAborted);
            if (FindProduct(form["product"].ToString()) is not { } product) return Results.Problem(statusCode: 400, title: "Unknown product");
            var items = Cart(c).Select(p => p.Slug).Append(product.Slug).TakeLast(20);
            c.Response.Cookies.Append(CartCookie, string.Join('.', items), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = Base });
            return Results.Redirect(DemoShopMap.Cart, preserveMethod: false);
        });
        foreach (var (path, next, render) in new (string, string, Func<IReadOnlyList<Product>, string>)[]
                 {
                     (Address, Delivery, _ => ShopPages.Address()), (Delivery, Details, _ => ShopPages.Delivery()),
                     (Details, Payment, _ => ShopPages.Details()), (Payment, Thanks, ShopPages.Payment),
                 })
        {
            var relative = path[Base.Length..];
            shop.MapGet(relative, (HttpContext c) => Cart(c).Count == 0 ? Results.Redirect(DemoShopMap.Cart) : Page(c, "Checkout", render(Cart(c))));
            // The shop keeps nothing of what was typed: a demo, not a shop.
            shop.MapPost(relative, () => Results.Redirect(next));
        }
        shop.MapGet("/thanks", (HttpContext c) =>
        {
            var bought = Cart(c);
            c.Response.Cookies.Delete(CartCookie, new CookieOptions { Path = Base });
            return Page(c, "Thank you", ShopPages.Thanks(bought));
        });
        shop.MapFallback((HttpContext c) => NotFound(c));
        return app;
    }

    private static List<Product> Cart(HttpContext context) =>
        (context.Request.Cookies[CartCookie] ?? "").Split('.', StringSplitOptions.RemoveEmptyEntries).Select(FindProduct).OfType<Product>().Take(20).ToList();

    /// <summary>The visitor's variant of a banner ("a" or "b") from the variant cookie, chosen at random (and kept) when missing.</summary>
    private static string Variant(HttpContext context, string placement)
    {
        var cookie = context.Request.Cookies[VariantCookie] ?? "";
        var parts = cookie.Split('.').Where(p => p is "hero-a" or "hero-b" or "bundle-a" or "bundle-b").ToList();
        if (parts.FirstOrDefault(p => p.StartsWith(placement + "-", StringComparison.Ordinal)) is { } kept) return kept[^1..];
        var chosen = Random.Shared.Next(2) == 0 ? "a" : "b";
        parts.Add($"{placement}-{chosen}");
        context.Response.Cookies.Append(VariantCookie, string.Join('.', parts), new CookieOptions { SameSite = SameSiteMode.Lax, Path = Base, MaxAge = TimeSpan.FromDays(30) });
        return chosen;
    }
}
