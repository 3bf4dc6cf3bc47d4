using ClickTrace.Analytics.Overview;
using ClickTrace.Analytics.Reports;
using ClickTrace.Server.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace ClickTrace.Server.Components.Pages;

/// <summary>
/// The overview dashboard: the site, period and filters come from the URL like every report page's (so any
/// view can be bookmarked), and it refreshes itself every <see cref="RefreshEvery"/>.
/// </summary>
public sealed partial class Overview
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);

    private OverviewReport? _report;
    private string _origin = "";

    [Inject] private OverviewService Reports { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    protected override void OnInitialized()
    {
        _origin = Navigation.BaseUri.TrimEnd('/');
        _ = RefreshLoopAsync();
    }

    protected override async Task LoadAsync(ReportQuery query, CancellationToken cancellationToken) =>
        _report = await Reports.GetAsync(query, cancellationToken: cancellationToken);

    private async Task RefreshLoopAsync()
    {
        using var timer = new PeriodicTimer(RefreshEvery, Time);
        try
        {
            while (await timer.WaitForNextTickAsync(Stopping))
            {
                await InvokeAsync(async () =>
                {
                    await OnParametersSetAsync();
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>This view with one more filter: every row is a link that narrows the whole dashboard.</summary>
    private string FilterBy(string dimension, string value) =>
        Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["filter"] = ReportFilters.With(Filters, added: new ReportFilter(dimension, value)) });
}
