namespace ClickTrace.DemoShop;

/// <summary>The shop's one stylesheet: plain, readable at 390 px and at 1280 px.</summary>
internal static class ShopStyle
{
    public const string Css = """
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.45 system-ui, sans-serif; color: #222; background: #fbfaf7; }
        header { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; padding: .6rem 1rem; background: #2f4f3f; color: #fff; }
        header a { color: #fff; }
        .logo { font-weight: 700; font-size: 1.3rem; text-decoration: none; }
        header form { display: flex; gap: .3rem; }
        header input { padding: .3rem .5rem; width: 11rem; }
        nav a { margin-right: .8rem; }
        main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
        footer { text-align: center; color: #777; font-size: .85rem; padding: 2rem 1rem; }
        .hero { padding: 1.2rem; border-radius: .5rem; margin-bottom: 1rem; }
        .hero-a { background: #e7efe9; }
        .hero-b { background: #2f4f3f; color: #fff; }
        .hero-b a { color: #ffe08a; }
        .hero h2 { margin: 0 0 .3rem; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 1rem; }
        .card { background: #fff; border: 1px solid #ddd; border-radius: .5rem; padding: 1rem; }
        .price { font-size: 1.3rem; font-weight: 600; }
        .bundle { background: #fff6dd; border: 1px dashed #c9a227; padding: .8rem; border-radius: .5rem; margin: 1rem 0; }
        form.checkout { display: grid; gap: .7rem; max-width: 30rem; }
        form.checkout label { display: grid; gap: .2rem; font-size: .95rem; }
        form.checkout input, form.checkout select { padding: .45rem; font-size: 1rem; }
        .hint { color: #666; font-size: .8rem; }
        button { padding: .5rem 1rem; font-size: 1rem; cursor: pointer; }
        .steps { color: #666; font-size: .9rem; }
        .steps b { color: #222; }
        .missing { text-align: center; padding: 3rem 1rem; }
        """;
}
