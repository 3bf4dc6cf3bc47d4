using ClickTrace.Traffic.DemoShop;
using Microsoft.Playwright;

namespace ClickTrace.Server.Tests.Dashboard;

/// <summary>The report pages in Chromium over generated demo-shop traffic: each finds its planted problem, at both widths.</summary>
public sealed partial class ReportPagesTests(DemoDashboard dashboard) : IClassFixture<DemoDashboard>
{
    /// <summary>The page at <paramref name="path"/>; a report page once its circuit has taken over the prerendered report.</summary>
    private async Task<IPage> OpenAsync(string path, int width)
    {
        var page = await dashboard.PageAsync(width);
        await page.GotoAsync(new Uri(dashboard.App.BaseAddress, path).ToString());
        // The prerendered report is in the first HTML; the circuit renders it again when it joins. Checks wait for
        // that, so that none reads an element in the moment the circuit replaces it.
        if (!path.StartsWith("/sites", StringComparison.Ordinal))
            await Assertions.Expect(page.Locator("form.custom-period[data-interactive=true]")).ToBeAttachedAsync();
        return page;
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_funnel_built_step_by_step_highlights_the_planted_drop_off_and_abandonment_names_the_confusing_field(int width)
    {
        var page = await OpenAsync($"/funnels?{DemoDashboard.Query}", width);
        var values = page.GetByTestId("step-value");
        await Assertions.Expect(page.Locator("form.funnel-builder[data-interactive=true]")).ToBeVisibleAsync();
        await Assertions.Expect(values).ToHaveCountAsync(2);
        for (var i = 2; i < DemoShopMap.Checkout.Count; i++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Add step" }).ClickAsync();
            await Assertions.Expect(values).ToHaveCountAsync(i + 1);
        }
        for (var i = 0; i < DemoShopMap.Checkout.Count; i++) await values.Nth(i).FillAsync(DemoShopMap.Checkout[i].Path);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show funnel" }).ClickAsync();

        var worst = page.Locator("ol.funnel li.worst");
        await Assertions.Expect(worst).ToHaveAttributeAsync("data-step", DemoShopTrafficOptions.DetailsScreen.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(worst).ToContainTextAsync("largest drop-off");
        Assert.Contains("step=page", page.Url, StringComparison.Ordinal);        // the funnel is in the URL: bookmarkable
        await worst.GetByTestId("dropoff").ClickAsync();
        await Assertions.Expect(page.GetByTestId("last-fields").Locator("tr").First).ToContainTextAsync(DemoShopMap.ConfusingField);
        await DemoDashboard.ScreenshotAsync(page, "funnels");

        // Saved under a name, it is offered in the saved funnels.
        await page.GetByLabel("Funnel name").FillAsync("Checkout");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save funnel" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved as “Checkout”");
        await Assertions.Expect(page.GetByLabel("Saved funnel").Locator("option", new() { HasText = "Checkout" })).ToHaveCountAsync(1);

        // A sample session of those who gave up opens as a time line that reaches the details screen.
        await page.GetByTestId("sample-sessions").Locator("a").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("session").First).ToContainTextAsync(DemoShopMap.Details);
        await DemoDashboard.ScreenshotAsync(page, "sessions");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_paths_page_shows_where_visitors_went_after_the_details_screen(int width)
    {
        var page = await OpenAsync($"/paths?{DemoDashboard.Query}&page={Uri.EscapeDataString(DemoShopMap.Details)}&direction=from", width);

        var flow = page.GetByTestId("flow");
        await Assertions.Expect(flow).ToContainTextAsync(DemoShopMap.Payment);
        await Assertions.Expect(flow).ToContainTextAsync("(exit)");
        await Assertions.Expect(flow).ToContainTextAsync(DemoShopMap.Cart);
        await DemoDashboard.ScreenshotAsync(page, "paths");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/funnels")]
    [InlineData("/links")]
    [InlineData("/ads")]
    [InlineData("/paths")]
    [InlineData("/pages")]
    public async Task At_390_px_no_page_is_wider_than_the_phone(string path)
    {
        var page = await OpenAsync($"{path}?{DemoDashboard.Query}", 390);
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();

        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

        Assert.True(width <= 390, $"{path} is {width} px wide");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_table_downloads_as_csv_with_what_it_shows()
    {
        var page = await OpenAsync($"/links?{DemoDashboard.Query}", 1280);
        await Assertions.Expect(page.GetByTestId("links")).ToContainTextAsync("Size guide");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download links-demo as CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());

        Assert.Equal("links-demo.csv", download.SuggestedFilename);
        Assert.StartsWith("Link,Page,Problem,Seen,Clicks,CTR,Visitors affected\r\n", csv, StringComparison.Ordinal);
        Assert.Contains($"Size guide · {DemoShopMap.SizeGuideLink},", csv, StringComparison.Ordinal);
        Assert.Contains(",Never clicked,", csv, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Csv_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralized()
    {
        var page = await OpenAsync($"/links?{DemoDashboard.Query}", 1280);

        var csv = await page.EvaluateAsync<string>("""
            async () => {
              const m = await import('/js/csv.js');
              const t = document.createElement('table');
              t.innerHTML = '<tr><td>=HYPERLINK("https://evil.example")</td><td>-12</td><td>@SUM(A1)</td><td>a,"b"</td></tr>';
              return m.toCsv(t);
            }
            """);

        Assert.Equal("\"'=HYPERLINK(\"\"https://evil.example\"\")\",-12,'@SUM(A1),\"a,\"\"b\"\"\"\r\n", csv);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_any_of_step_counts_visitors_who_did_either()
    {
        var steps = $"step=page:{Uri.EscapeDataString(DemoShopMap.Home)}&step={Uri.EscapeDataString($"anyof:page:{DemoShopMap.Cart} | page:{DemoShopMap.SizeGuide}")}";
        var page = await OpenAsync($"/funnels?{DemoDashboard.Query}&{steps}", 1280);

        var second = page.Locator("ol.funnel li[data-step='2']");
        await Assertions.Expect(second).ToContainTextAsync($"{DemoShopMap.Cart} or ");
        await Assertions.Expect(page.GetByTestId("step-value").Nth(1)).ToHaveValueAsync($"page:{DemoShopMap.Cart} | page:{DemoShopMap.SizeGuide}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_sites_page_copies_a_sites_tag_line()
    {
        var page = await OpenAsync("/sites", 1280);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = dashboard.App.BaseAddress.ToString().TrimEnd('/') });

        var copy = page.GetByRole(AriaRole.Button, new() { Name = "Copy the tag line of Demo shop" });
        await copy.ClickAsync();

        await Assertions.Expect(copy).ToHaveTextAsync("Copied");
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(await page.GetByTestId("snippet-demo").TextContentAsync(), copied);
        Assert.Contains("data-site=\"demo\"", copied, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_malformed_visitor_id_is_refused_with_a_message()
    {
        var page = await OpenAsync($"/sessions?{DemoDashboard.Query}&visitor=<script>", 1280);

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("16 hex digits");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_links_page_shows_the_never_clicked_and_broken_links_and_the_coupon_buttons_rage_clicks(int width)
    {
        var page = await OpenAsync($"/links?{DemoDashboard.Query}", width);

        var links = page.GetByTestId("links");
        await Assertions.Expect(links.Locator("tr", new() { HasText = "Size guide" }).First).ToContainTextAsync("Never clicked");
        await Assertions.Expect(links.Locator("tr", new() { HasText = "Gift cards" })).ToContainTextAsync("Broken");
        await Assertions.Expect(page.GetByTestId("frustrating").Locator("tbody tr").First).ToContainTextAsync(DemoShopMap.CouponButton);
        await DemoDashboard.ScreenshotAsync(page, "links");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_ads_page_names_the_better_banner_the_winner_and_the_equal_ones_undecided(int width)
    {
        var page = await OpenAsync($"/ads?{DemoDashboard.Query}&goal=purchase", width);

        var hero = page.Locator($"[data-group={DemoShopMap.HeroPlacement}]");
        await Assertions.Expect(hero.GetByTestId("verdict")).ToContainTextAsync("Variant b wins");
        await Assertions.Expect(hero.Locator("tr.winner")).ToContainTextAsync("b");
        await Assertions.Expect(page.Locator($"[data-group={DemoShopMap.BundlePlacement}]").GetByTestId("verdict")).ToContainTextAsync("No significant difference");
        await DemoDashboard.ScreenshotAsync(page, "ads");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_overview_shows_the_demo_traffic(int width)
    {
        var page = await OpenAsync($"/?{DemoDashboard.Query}", width);

        await Assertions.Expect(page.GetByTestId("visitors")).ToHaveTextAsync("600");
        await Assertions.Expect(page.Locator(".chart svg").First).ToBeVisibleAsync();
        await DemoDashboard.ScreenshotAsync(page, "overview");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(390, "phone")]
    public async Task The_page_microscope_maps_the_details_screens_clicks_over_the_live_page_and_flags_the_field_they_give_up_at(int width, string shown)
    {
        var page = await OpenAsync($"/pages?{DemoDashboard.Query}&page={Uri.EscapeDataString(DemoShopMap.Details)}&width={shown}", width);

        var map = page.GetByTestId("heatmap");
        await Assertions.Expect(map.Locator(".heat").First).ToBeAttachedAsync();
        var cells = await map.Locator(".heat").CountAsync();
        Assert.True(cells > 5, $"{cells} cells");
        Assert.Contains($"width:{(shown == "phone" ? 390 : 1280)}px", await map.GetAttributeAsync("style"), StringComparison.Ordinal);
        // The live page is the shop's own, in a sandbox that lets none of its scripts (the tag included) run.
        var live = page.GetByTestId("live-page");
        Assert.Equal("", await live.GetAttributeAsync("sandbox"));
        Assert.Equal(new Uri(dashboard.App.BaseAddress, DemoShopMap.Details).ToString(), await live.GetAttributeAsync("src"));
        await Assertions.Expect(page.GetByTestId("fields").Locator("tr.flagged")).ToContainTextAsync(DemoShopMap.ConfusingField);
        await Assertions.Expect(page.GetByTestId("scroll")).ToContainTextAsync("100 %");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width, "the page is wider than the window");
        await DemoDashboard.ScreenshotAsync(page, "microscope");

        // The outline stands in for a page that cannot be framed.
        await page.GetByRole(AriaRole.Link, new() { Name = "Outline" }).ClickAsync();
        await Assertions.Expect(map.Locator(".heatmap-outline")).ToBeAttachedAsync();
        await Assertions.Expect(page.GetByTestId("live-page")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_top_page_opens_under_the_microscope_for_the_same_site_and_period()
    {
        var page = await OpenAsync($"/?{DemoDashboard.Query}", 1280);

        await page.GetByRole(AriaRole.Link, new() { Name = $"Open {DemoShopMap.Details} under the microscope" }).ClickAsync();

        await page.WaitForURLAsync("**/pages?**");
        Assert.Contains("site=demo&period=30d", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("h2").First).ToContainTextAsync($"{DemoShopMap.Details}: ", new() { Timeout = 15_000 });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_dashboard_works_under_its_own_script_policy_without_a_single_violation()
    {
        var page = await dashboard.PageAsync(1280);
        var violations = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add(message.Text); };
        await page.GotoAsync(new Uri(dashboard.App.BaseAddress, $"/funnels?{DemoDashboard.Query}").ToString());
        await Assertions.Expect(page.Locator("form.funnel-builder[data-interactive=true]")).ToBeVisibleAsync(); // the circuit runs
        await page.GotoAsync(new Uri(dashboard.App.BaseAddress, $"/?{DemoDashboard.Query}").ToString());
        await Assertions.Expect(page.GetByTestId("visitors")).ToHaveTextAsync("600");
        await Assertions.Expect(page.Locator("form.add-filter[data-interactive=true]")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator(".apexcharts-canvas").First).ToBeVisibleAsync(); // the chart's script ran

        Assert.Empty(violations);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_funnel_breaks_down_by_device_and_compares_with_the_previous_period()
    {
        var steps = string.Join("&", DemoShopMap.Checkout.Take(3).Select(s => $"step=page:{Uri.EscapeDataString(s.Path)}"));
        var page = await OpenAsync($"/funnels?{DemoDashboard.Query}&{steps}&compare=previous", 1280);
        await Assertions.Expect(page.GetByTestId("previous").First).ToContainTextAsync("previous period: 0 visitors");

        await page.GetByLabel("Break down by").SelectOptionAsync("device");

        var table = page.GetByTestId("funnel-breakdown");
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(table).ToContainTextAsync("mobile");
        Assert.Contains("breakdown=device", page.Url, StringComparison.Ordinal);
        await DemoDashboard.ScreenshotAsync(page, "funnel-breakdown");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_goal_name_too_long_for_a_funnel_step_is_refused_with_a_message_not_an_error_page()
    {
        var page = await OpenAsync($"/ads?{DemoDashboard.Query}&goal={new string('x', 600)}", 1280);

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("longer than");
        await page.Context.CloseAsync();
    }
}
