using Bunit;
using ClickTrace.Analytics.Reports;
using ClickTrace.Core.Sites;
using ClickTrace.Server.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ClickTrace.Server.Tests.Components.Shared;

/// <summary>The report bar rendered by bUnit: its filter chips, the form that adds a filter, the comparison toggle.</summary>
public sealed class ReportBarTests : BunitContext
{
    private static readonly IReadOnlyList<Site> Sites = [new Site { Id = "shop", Name = "Shop" }];

    public ReportBarTests()
    {
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/links?site=shop&period=7d&filter=device%3Amobile&filter=page%3A%2Fcart");
    }

    private IRenderedComponent<ReportBar> Render(bool comparing = false, params ReportFilter[] filters) => Render<ReportBar>(p => p
        .Add(b => b.Title, "Links").Add(b => b.Sites, Sites).Add(b => b.SiteId, "shop").Add(b => b.Period, "7d")
        .Add(b => b.Filters, filters).Add(b => b.CanCompare, true).Add(b => b.Comparing, comparing));

    private string Uri => Services.GetRequiredService<NavigationManager>().Uri;

    [Fact]
    public void Each_filter_is_a_chip_whose_cross_links_to_the_view_without_it()
    {
        var bar = Render(false, new ReportFilter("device", "mobile"), new ReportFilter("page", "/cart"));

        var remove = bar.Find("a[aria-label='Remove filter device: mobile']").GetAttribute("href")!;
        Assert.Contains("filter=page%3A%2Fcart", remove, StringComparison.Ordinal);
        Assert.DoesNotContain("device", remove, StringComparison.Ordinal);
        Assert.Equal(2, bar.FindAll(".chip").Count);
    }

    [Fact]
    public void The_form_adds_the_typed_filter_to_those_in_the_url()
    {
        var bar = Render(false, new ReportFilter("device", "mobile"));

        bar.Find("select[aria-label='Filter by']").Change("browser");
        bar.Find("input[aria-label='Filter value']").Change("  Firefox ");
        bar.Find("form.add-filter").Submit();

        Assert.Contains("filter=device%3Amobile&filter=browser%3AFirefox", Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_filter_is_typed_as_name_and_value()
    {
        var bar = Render();

        bar.Find("select[aria-label='Filter by']").Change("prop.");
        bar.Find("input[aria-label='Filter value']").Change("plan:pro");
        bar.Find("form.add-filter").Submit();

        Assert.Contains("filter=prop.plan%3Apro", Uri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("page", "cart", "starting with '/'")]
    [InlineData("device", "   ", "Type the value")]
    [InlineData("prop.", "pro", "name:value")]
    public void A_filter_that_cannot_be_is_refused_with_a_message_and_the_view_stays(string dimension, string value, string message)
    {
        var bar = Render();
        var before = Uri;

        bar.Find("select[aria-label='Filter by']").Change(dimension);
        bar.Find("input[aria-label='Filter value']").Change(value);
        bar.Find("form.add-filter").Submit();

        Assert.Contains(message, bar.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Equal(before, Uri);
    }

    [Fact]
    public void The_comparison_toggle_links_to_the_view_with_and_without_the_previous_period()
    {
        Assert.Contains("compare=previous", Render(comparing: false).Find("[data-testid=compare]").GetAttribute("href"), StringComparison.Ordinal);

        var on = Render(comparing: true).Find("[data-testid=compare]");
        Assert.Equal("true", on.GetAttribute("aria-pressed"));
        Assert.DoesNotContain("compare", on.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_forms_wait_for_the_circuit_before_they_can_be_sent()
    {
        Renderer.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var bar = Render();

        Assert.All(bar.FindAll("form.add-filter button, form.custom-period button"), button => Assert.True(button.HasAttribute("disabled")));
        Assert.Equal("false", bar.Find("form.add-filter").GetAttribute("data-interactive"));
    }

    [Fact]
    public void A_custom_range_of_days_goes_into_the_url_and_a_preset_takes_it_out()
    {
        var bar = Render();

        bar.Find("input[aria-label=From]").Change("2026-11-01");
        bar.Find("input[aria-label=To]").Change("2026-11-15");
        bar.Find("form.custom-period").Submit();
        Assert.Contains("period=custom", Uri, StringComparison.Ordinal);
        Assert.Contains("from=2026-11-01&to=2026-11-15", Uri, StringComparison.Ordinal);

        bar.FindAll(".periods button").Single(b => b.TextContent == "30 days").Click();
        Assert.Contains("period=30d", Uri, StringComparison.Ordinal);
        Assert.DoesNotContain("from=", Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void A_filter_value_with_markup_shows_as_text()
    {
        var bar = Render(false, new ReportFilter("page", "/<img src=x onerror=alert(1)>"));

        Assert.Empty(bar.FindAll(".chip img"));
        Assert.Contains("page: /<img src=x onerror=alert(1)>", bar.Find(".chip").TextContent, StringComparison.Ordinal);
    }
}
