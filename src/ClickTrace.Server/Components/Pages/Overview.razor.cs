using ClickTrace.Analytics.Overview;
using ClickTrace.Analytics.Reports;
using ClickTrace.Server.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace ClickTrace.Server.Components.Pages;

/// <summary>
/// The overview dashboard: the site, period and filters come from the URL like every report page's (so any
/// view can be bookmarked), and it refreshes itself every <see cref="RefreshEvery"/> while its browser is connected.
/// </summary>
public sealed partial class Overview
{
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);

    private OverviewReport? _report;
    private string _origin = "";

    [Inject] private OverviewService Reports { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private CircuitConnection Connection { get; set; } = default!;

    protected override void OnInitialized()
    {
        _origin = Navigation.BaseUri.TrimEnd('/');
        _ = RefreshLoopAsync();
    }

    protected override async Task LoadAsync(ReportQuery query, CancellationToken cancellationToken) =>
        _report = await OncePerViewAsync(() => Reports.GetAsync(query, compare: Comparing, cancellationToken: cancellationToken));

    private async Task RefreshLoopAsync()
    {
        using var timer = new PeriodicTimer(RefreshEvery, Time);
        try
        {
            while (await timer.WaitForNextTickAsync(Stopping))
            {
                if (!Connection.Connected) continue; // a closed tab, kept a while in case it comes back
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

    /// <summary>Each breakdown's title, and the filter its rows add (entry and exit pages filter by the page).</summary>
    private static readonly IReadOnlyDictionary<string, (string Title, string Filter)> Breakdowns = new Dictionary<string, (string, string)>
    {
        ["entry"] = ("Entry pages", "page"), ["exit"] = ("Exit pages", "page"), ["source"] = ("Sources", "source"),
        ["campaign"] = ("Campaigns", "campaign"), ["channel"] = ("Channels", "channel"), ["device"] = ("Devices", "device"),
        ["browser"] = ("Browsers", "browser"), ["os"] = ("Operating systems", "os"), ["country"] = ("Countries", "country"),
    };

    /// <summary>A breakdown value as shown: a country code with its English name ("Germany (DE)"), anything else as it is.</summary>
    public static string Label(string dimension, string value)
    {
        if (dimension != "country") return value;
        try
        {
            return $"{new System.Globalization.RegionInfo(value).EnglishName} ({value})";
        }
        catch (ArgumentException)
        {
            return value; // a code .NET does not know (EU, AP, ... in some databases)
        }
    }

    /// <summary>"4 m 05 s", "38 s".</summary>
    public static string Duration(TimeSpan duration) =>
        duration.TotalMinutes >= 1 ? $"{(int)duration.TotalMinutes} m {duration.Seconds:00} s" : $"{duration.Seconds} s";

    /// <summary>This view with one more filter: every row is a link that narrows the whole dashboard.</summary>
    private string FilterBy(string dimension, string value) =>
        Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["filter"] = ReportFilters.With(Filters, added: new ReportFilter(dimension, value)) });
}
