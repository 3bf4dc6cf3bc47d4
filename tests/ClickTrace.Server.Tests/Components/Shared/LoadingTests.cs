using Bunit;
using ClickTrace.Server.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ClickTrace.Server.Tests.Components.Shared;

public sealed class LoadingTests : BunitContext
{
    private readonly FakeTimeProvider _time = new();

    public LoadingTests() => Services.AddSingleton<TimeProvider>(_time);

    [Fact]
    public void A_long_load_shows_how_long_it_has_taken_and_its_cancel_button_stops_it()
    {
        var cancelled = 0;
        var loading = Render<Loading>(p => p.Add(l => l.Busy, true).Add(l => l.OnCancel, () => cancelled++));
        Assert.Equal("Loading…", loading.Find("[data-testid=loading]").FirstChild!.TextContent.Trim());

        _time.Advance(TimeSpan.FromSeconds(3));
        loading.WaitForAssertion(() => Assert.Contains("Loading… 3 s", loading.Find("[data-testid=loading]").TextContent, StringComparison.Ordinal));

        loading.Find("button").Click();
        Assert.Equal(1, cancelled);
    }

    [Fact]
    public void A_stopped_load_offers_to_run_it_again_and_a_finished_one_shows_nothing()
    {
        Assert.Contains("Run it again", Render<Loading>(p => p.Add(l => l.Cancelled, true)).Find("[data-testid=cancelled] a").TextContent, StringComparison.Ordinal);
        Assert.Empty(Render<Loading>(p => p.Add(l => l.Busy, false)).Markup.Trim());
    }
}
