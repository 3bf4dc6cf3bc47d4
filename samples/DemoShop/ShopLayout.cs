using System.Text.Encodings.Web;
using ClickTrace.Traffic.DemoShop;

namespace ClickTrace.DemoShop;

/// <summary>The frame of every page: the head with the ClickTrace tag, installed as a customer would, the header and the footer.</summary>
internal static class ShopLayout
{
    public static string H(string text) => HtmlEncoder.Default.Encode(text);

    public static string Render(ShopOptions options, string title, string main, int cartItems)
    {
        var host = (options.ClickTraceUrl ?? "").TrimEnd('/');
        var nav = string.Join(" ", DemoShopMap.Categories.Select(c => $"""<a id="nav-{c.Slug}" href="{DemoShopMap.CategoryPath(c)}">{H(c.Name)}</a>"""));
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Teaware · {{H(title)}}</title>
              <link rel="stylesheet" href="{{DemoShopMap.Base}}/shop.css">
              <script>window.clicktrace=window.clicktrace||function(){(clicktrace.q=clicktrace.q||[]).push(arguments)}</script>
              <!-- The ClickTrace tag. data-local records on localhost and in automated browsers too: for this demo only. -->
              <script defer src="{{H(host)}}/ct.js" data-site="{{H(options.SiteKey)}}" data-local></script>
            </head>
            <body>
              <header>
                <a id="home" class="logo" href="{{DemoShopMap.Home}}">Teaware</a>
                <form id="search" action="{{DemoShopMap.Search}}" method="get" role="search">
                  <input id="q" name="q" type="search" placeholder="Search teaware" aria-label="Search">
                  <button id="search-go" type="submit">Search</button>
                </form>
                <nav aria-label="Categories">{{nav}} <a id="nav-cart" href="{{DemoShopMap.Cart}}">Cart ({{cartItems}})</a></nav>
              </header>
              <main>
            {{main}}
              </main>
              <footer>Teaware is a demo shop for ClickTrace. Nothing is sold, nothing you type is kept.</footer>
            </body>
            </html>
            """;
    }
}
