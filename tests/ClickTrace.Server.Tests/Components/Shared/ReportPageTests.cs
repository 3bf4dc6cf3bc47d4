using Bunit;
using Bunit.TestDoubles;
using ClickTrace.Analytics.Reports;
using ClickTrace.Core.Sites;
using ClickTrace.Server.Components.Shared;
using ClickTrace.Storage.Sites;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace ClickTrace.Server.Tests.Components.Shared;

/// <summary>
/// A report page whose report never comes on its own (the Cancel button is the only way out), and one whose
/// prerendered report is handed to the interactive render.
/// </summary>
public sealed class ReportPageTests : BunitContext
{
    private readonly BunitPersistentComponentState _pageState;
    private readonly Counter _computed = new();

    public ReportPageTests()
    {
        Services.AddSingleton<ISiteStore>(new OneSite());
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(_computed);
        _pageState = AddBunitPersistentComponentState();
    }

    [Fact]
    public void The_prerendered_report_is_handed_to_the_interactive_render_which_does_not_compute_it_again()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var prerendered = Render<CountedReport>();
        prerendered.WaitForAssertion(() => Assert.Equal("report 1", prerendered.Find("p").TextContent));
        _pageState.TriggerOnPersisting();

        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var interactive = Render<CountedReport>();

        interactive.WaitForAssertion(() => Assert.Equal("report 1", interactive.Find("p").TextContent));
        Assert.Equal(1, _computed.Count);
    }

    [Fact]
    public async Task A_report_handed_over_for_another_address_is_computed_again()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        Render<CountedReport>().WaitForAssertion(() => Assert.Equal(1, _computed.Count));
        _pageState.TriggerOnPersisting();
        await DisposeComponentsAsync(); // the prerender is over

        Services.GetRequiredService<NavigationManager>().NavigateTo("/elsewhere?site=shop");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var interactive = Render<CountedReport>();

        interactive.WaitForAssertion(() => Assert.Equal("report 2", interactive.Find("p").TextContent));
    }

    [Fact]
    public void A_report_too_big_for_the_circuits_first_message_is_computed_again_instead()
    {
        _computed.Padding = new string('x', ReportPage.MaxHandoverBytes);
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        Render<CountedReport>().WaitForAssertion(() => Assert.Equal(1, _computed.Count));
        _pageState.TriggerOnPersisting();

        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var interactive = Render<CountedReport>();

        interactive.WaitForAssertion(() => Assert.StartsWith("report 2", interactive.Find("p").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_the_first_interactive_load_takes_the_handed_report_and_later_loads_compute()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        Render<CountedReport>().WaitForAssertion(() => Assert.Equal(1, _computed.Count));
        _pageState.TriggerOnPersisting();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var interactive = Render<CountedReport>();
        interactive.WaitForAssertion(() => Assert.Equal("report 1", interactive.Find("p").TextContent));

        await interactive.InvokeAsync(() => interactive.Instance.SetParametersAsync(ParameterView.Empty));

        interactive.WaitForAssertion(() => Assert.Equal("report 2", interactive.Find("p").TextContent));
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

    private sealed class Counter
    {
        private int _count;
        public int Count => _count;
        public string Padding { get; set; } = "";
        public int Next() => Interlocked.Increment(ref _count);
    }

    private sealed record CountedText(string Text);

    private sealed class CountedReport : ReportPage
    {
        private CountedText? _report;

        [Inject] private Counter Computed { get; set; } = default!;

        protected override async Task LoadAsync(ReportQuery query, CancellationToken cancellationToken) =>
            _report = await OncePerViewAsync(() => Task.FromResult(new CountedText($"report {Computed.Next()}{Computed.Padding}")));

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "p");
            builder.AddContent(1, _report?.Text);
            builder.CloseElement();
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
