using ClickTrace.Analytics.Overview;
using ClickTrace.Analytics.Reports;
using ClickTrace.Core.Sites;
using ClickTrace.Storage.Sites;
using ClickTrace.Server.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace ClickTrace.Server.Components.Pages;

/// <summary>The overview dashboard: the state lives in the URL (?site=&amp;period=), so any view can be bookmarked.</summary>
public sealed partial class Overview
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stop = new();
    private IReadOnlyList<Site> _sites = [];
    private OverviewReport? _report;
    private string? _error;
    private string? _siteId;
    private string _period = ReportPeriods.Default;
    private string _origin = "";
    private bool _loaded;

    [Inject] private ISiteStore Sites { get; set; } = default!;
    [Inject] private OverviewService Reports { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "site")] public string? Site { get; set; }
    [SupplyParameterFromQuery(Name = "period")] public string? Period { get; set; }
    [SupplyParameterFromQuery(Name = "filter")] public string[]? Filter { get; set; }

    private IReadOnlyList<ReportFilter> _filters = [];

    protected override void OnInitialized()
    {
        _origin = Navigation.BaseUri.TrimEnd('/');
        _ = RefreshLoopAsync();
    }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            _sites = await Sites.ListAsync(_stop.Token);
            _loaded = true;
            _siteId = _sites.FirstOrDefault(s => s.Id == Site)?.Id ?? _sites.FirstOrDefault()?.Id;
            _period = ReportPeriods.Resolve(Period);
            var site = _sites.FirstOrDefault(s => s.Id == _siteId);
            if (site is null) return;
            var period = ReportPeriod.TryResolve(_period, null, null, site.TimeZone, Time.GetUtcNow(), out var error);
            (_filters, var filterError) = ReportFilters.Parse(Filter);
            _error = error ?? filterError;
            if (period is not null && filterError is null) _report = await Reports.GetAsync(new ReportQuery(site.Id, period, _filters), cancellationToken: _stop.Token);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task RefreshLoopAsync()
    {
        using var timer = new PeriodicTimer(RefreshEvery, Time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await InvokeAsync(async () =>
                {
                    await LoadAsync();
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
        Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["filter"] = ReportFilters.With(_filters, added: new ReportFilter(dimension, value)) });

    public void Dispose()
    {
        // Cancelled, not disposed: a load still running reads its token, which a disposed source refuses.
        _stop.Cancel();
    }
}
