using ClickTrace.Traffic.DemoShop;
using Microsoft.Playwright;

namespace ClickTrace.Server.Tests.Dashboard;

/// <summary>The report bar and the overview's breakdowns: filters from rows, chips and the form, custom ranges, comparison, countries.</summary>
public sealed partial class ReportPagesTests
{
    [Fact]
    public async Task A_top_page_row_filters_the_dashboard_and_its_chip_takes_the_filter_off()
    {
        var page = await OpenAsync($"/?{DemoDashboard.Query}", 1280);
        await Assertions.Expect(page.GetByTestId("visitors")).ToHaveTextAsync("600");

        await page.GetByTestId("top-pages").GetByRole(AriaRole.Link, new() { Name = DemoShopMap.Details, Exact = true }).ClickAsync();

        var chip = page.GetByTestId("filters");
        await Assertions.Expect(chip).ToContainTextAsync($"page: {DemoShopMap.Details}");
        Assert.Contains("filter=page%3A%2Fshop%2Fcheckout%2Fdetails", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("visitors")).Not.ToHaveTextAsync("600");
        var filtered = int.Parse(await page.GetByTestId("visitors").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(filtered, 1, 599);

        // The same filter narrows the other reports: on the links page, only those sessions' links.
        await page.GotoAsync(new Uri(dashboard.App.BaseAddress, $"/links?{DemoDashboard.Query}&filter=page:{DemoShopMap.Details}").ToString());
        await Assertions.Expect(page.GetByTestId("filters")).ToContainTextAsync(DemoShopMap.Details);
        await page.GoBackAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = $"Remove filter page: {DemoShopMap.Details}" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("visitors")).ToHaveTextAsync("600");
        await Assertions.Expect(page.GetByTestId("filters").Locator(".chip")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_filter_typed_into_the_bar_narrows_the_report_to_its_sessions()
    {
        var page = await OpenAsync($"/?{DemoDashboard.Query}", 1280);
        await Assertions.Expect(page.GetByTestId("visitors")).ToHaveTextAsync("600");

        await Assertions.Expect(page.Locator("form.add-filter[data-interactive=true]")).ToBeAttachedAsync(); // the prerendered overview has joined its circuit
        await page.GetByLabel("Filter by").SelectOptionAsync("os");
        await page.GetByLabel("Filter value").FillAsync("Android");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add filter" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("filters").Locator(".chip")).ToContainTextAsync("os: Android");
        await Assertions.Expect(page.GetByTestId("breakdown-os")).Not.ToContainTextAsync("Windows");
        Assert.NotEqual("600", await page.GetByTestId("visitors").TextContentAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_custom_range_of_days_shows_only_those_days_and_stays_when_the_report_changes()
    {
        var page = await OpenAsync($"/?{DemoDashboard.Query}", 1280);
        await Assertions.Expect(page.GetByTestId("visitors")).ToHaveTextAsync("600");
        // The demo's visits end half an hour before the fixture started: days well before the demo began hold nobody.
        var before = DateTime.UtcNow.AddDays(-40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var after = DateTime.UtcNow.AddDays(-35).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await Assertions.Expect(page.Locator("form.custom-period[data-interactive=true]")).ToBeAttachedAsync(); // the prerendered overview has joined its circuit
        await page.GetByLabel("From", new() { Exact = true }).FillAsync(before);
        await page.GetByLabel("To", new() { Exact = true }).FillAsync(after);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show days" }).ClickAsync();

        await Assertions.Expect(page.GetByText("No data in this period yet")).ToBeVisibleAsync();
        Assert.Contains($"period=custom&from={before}&to={after}", page.Url, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "30 days" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("visitors")).ToHaveTextAsync("600");
        Assert.DoesNotContain("from=", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_bad_filter_in_the_url_is_refused_with_a_message()
    {
        var page = await OpenAsync($"/links?{DemoDashboard.Query}&filter=country:Germany", 1280);

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("two-letter ISO 3166 code");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_overview_shows_visits_live_visitors_and_breakdowns_whose_rows_filter_the_dashboard()
    {
        var page = await OpenAsync($"/?{DemoDashboard.Query}", 1280);

        await Assertions.Expect(page.GetByTestId("bounce-rate")).ToContainTextAsync("%");
        await Assertions.Expect(page.GetByTestId("visit-duration")).ToContainTextAsync(" s");
        await Assertions.Expect(page.GetByTestId("live")).ToHaveTextAsync("0"); // the demo's visits ended half an hour ago
        var devices = page.GetByTestId("breakdown-device");
        await Assertions.Expect(devices).ToContainTextAsync("desktop");
        await Assertions.Expect(devices).ToContainTextAsync("mobile");
        await Assertions.Expect(page.GetByTestId("breakdown-entry")).ToContainTextAsync(DemoShopMap.Home);

        await devices.GetByRole(AriaRole.Link, new() { Name = "mobile", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("filters")).ToContainTextAsync("device: mobile");
        await Assertions.Expect(page.GetByTestId("breakdown-device")).Not.ToContainTextAsync("desktop");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Countries_are_named_credit_db_ip_and_filter_the_dashboard_by_their_code()
    {
        var page = await OpenAsync($"/?{DemoDashboard.Query}", 1280);
        var countries = page.GetByTestId("breakdown-country");

        await Assertions.Expect(countries).ToContainTextAsync("Germany (DE)");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "IP Geolocation by DB-IP" })).ToHaveAttributeAsync("href", "https://db-ip.com");
        await countries.GetByRole(AriaRole.Link, new() { Name = "France (FR)", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("filters")).ToContainTextAsync("country: FR");
        await Assertions.Expect(page.GetByTestId("breakdown-country")).Not.ToContainTextAsync("Germany");
        Assert.NotEqual("600", await page.GetByTestId("visitors").TextContentAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_comparison_toggle_shows_each_total_against_the_previous_period_and_stays_in_the_url()
    {
        var page = await OpenAsync($"/?{DemoDashboard.Query}", 1280);
        await Assertions.Expect(page.GetByTestId("visitors")).ToHaveTextAsync("600");

        await page.GetByTestId("compare").ClickAsync();

        // The demo's 14 days all lie in the last 30: the 30 days before had nobody.
        await Assertions.Expect(page.GetByTestId("visitors-change")).ToContainTextAsync("new");
        await Assertions.Expect(page.GetByTestId("compare")).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Contains("compare=previous", page.Url, StringComparison.Ordinal);
        await page.GetByTestId("compare").ClickAsync();
        await Assertions.Expect(page.GetByTestId("visitors-change")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
