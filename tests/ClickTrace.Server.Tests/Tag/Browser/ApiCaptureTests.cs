using ClickTrace.Server.Tests.EndToEnd;

namespace ClickTrace.Server.Tests.Tag.Browser;

/// <summary>The tag's JavaScript API in Chromium: custom events, revenue, identify, calls made before it loaded.</summary>
public sealed class ApiCaptureTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncDisposable
{
    private readonly TagPage _tag = new(chromium);

    public ValueTask DisposeAsync() => _tag.DisposeAsync();

    [Fact]
    public async Task Custom_events_carry_their_properties_and_purchases_their_revenue_and_currency()
    {
        var page = await _tag.OpenAsync("<h1>Shop</h1>");

        await page.EvaluateAsync("() => clicktrace('signup', { plan: 'pro', seats: 3, trial: true, nested: { no: 1 } })");
        await page.EvaluateAsync("() => clicktrace('purchase', { revenue: 49.90, currency: 'eur', order: 'A-1001' })");
        await _tag.LeaveAsync();

        var custom = await _tag.EventsAsync("custom", 2);
        var signup = custom.Single(c => c.Name == "signup");
        Assert.Equal(new Dictionary<string, string> { ["plan"] = "pro", ["seats"] = "3", ["trial"] = "true" }, signup.Props);
        var purchase = custom.Single(c => c.Name == "purchase");
        Assert.Equal(("49.9", "EUR"), (purchase.Revenue, purchase.Currency));
        Assert.Equal(new Dictionary<string, string> { ["order"] = "A-1001" }, purchase.Props);
    }

    [Fact]
    public async Task Identify_names_the_customer_and_calls_queued_before_the_tag_loaded_are_replayed()
    {
        var page = await _tag.OpenAsync("<h1>Account</h1>", head:
            "<script>window.clicktrace=window.clicktrace||function(){(clicktrace.q=clicktrace.q||[]).push(arguments)};clicktrace('early',{from:'stub'});</script>");

        await page.EvaluateAsync("() => clicktrace.identify('customer-123')");
        await _tag.LeaveAsync();

        var identify = Assert.Single(await _tag.EventsAsync("identify", 1));
        Assert.Equal("customer-123", identify.Name);
        var early = Assert.Single(await _tag.EventsAsync("custom", 1));
        Assert.Equal(("early", "stub"), (early.Name, early.Props["from"]));
        Assert.Equal(identify.SessionId, early.SessionId);
    }
}
