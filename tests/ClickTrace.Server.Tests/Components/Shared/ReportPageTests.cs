using Bunit;
using ClickTrace.Analytics.Reports;
using ClickTrace.Core.Sites;
using ClickTrace.Server.Components.Shared;
using ClickTrace.Storage.Sites;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace ClickTrace.Server.Tests.Components.Shared;

/// <summary>A report page whose report never comes on its own: the Cancel button is the only way out.</summary>
public sealed class ReportPageTests : BunitContext
{
    public ReportPageTests()
    {
        Services.AddSingleton<ISiteStore>(new OneSite());
        Services.AddSingleton(TimeProvider.System);
    }

    [Fact]
    public void A_load_in_progress_can_be_cancelled_and_the_page_says_it_stopped()
    {
        var page = Render<SlowReport>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=loading]")));

        page.Find("[data-testid=loading] button").Click();

        page.WaitForAssertion(() => Assert.Contains("Stopped before the report was ready", page.Find("[data-testid=cancelled]").TextContent, StringComparison.Ordinal));
        Assert.True(page.Instance.LoadToken.IsCancellationRequested);
        Assert.Empty(page.FindAll("[data-testid=loading]"));
    }

    [Fact]
    public async Task Leaving_the_page_cancels_its_load()
    {
        var page = Render<SlowReport>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=loading]")));
        var token = page.Instance.LoadToken;

        await DisposeComponentsAsync();

        Assert.True(token.IsCancellationRequested);
    }

    private sealed class SlowReport : ReportPage
    {
        public CancellationToken LoadToken { get; private set; }

        protected override Task LoadAsync(ReportQuery query, CancellationToken cancellationToken)
        {
            LoadToken = cancellationToken;
            return Task.Delay(Timeout.Infinite, cancellationToken);
        }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<Loading>(0);
            builder.AddAttribute(1, nameof(Loading.Busy), Busy);
            builder.AddAttribute(2, nameof(Loading.Cancelled), Cancelled);
            builder.AddAttribute(3, nameof(Loading.OnCancel), EventCallback.Factory.Create(this, CancelLoad));
            builder.CloseComponent();
        }
    }

    private sealed class OneSite : ISiteStore
    {
        private static readonly Site Shop = new() { Id = "shop", Name = "Shop" };
        public Task<IReadOnlyList<Site>> ListAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<Site>>([Shop]);
        public Task<Site?> FindAsync(string siteId, CancellationToken cancellationToken = default) => Task.FromResult<Site?>(siteId == Shop.Id ? Shop : null);
        public Task SaveAsync(Site site, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
