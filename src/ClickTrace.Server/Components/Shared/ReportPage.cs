using System.Text.Json;
using ClickTrace.Analytics.Reports;
using ClickTrace.Core.Sites;
using ClickTrace.Storage.Sites;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace ClickTrace.Server.Components.Shared;

/// <summary>
/// A report page: the site and period from the URL (?site=&amp;period=), resolved against the site's time
/// zone, then the page's own report. A page that is left cancels its query.
/// </summary>
public abstract class ReportPage : ComponentBase, IDisposable
{
    // Cancelled, never disposed, when the page goes away: a load still running must be able to read its
    // token (a disposed source throws on that, which would end the whole circuit).
    private readonly CancellationTokenSource _stop = new();

    [Inject] private ISiteStore SiteStore { get; set; } = default!;
    [Inject] protected TimeProvider Time { get; set; } = default!;
    [Inject] private PersistentComponentState PageState { get; set; } = default!;
    [Inject] private NavigationManager PageAddress { get; set; } = default!;

    private PersistingComponentStateSubscription? _handing;
    private Action? _handOver;
    private bool _handedOver;

    [SupplyParameterFromQuery(Name = "site")] public string? Site { get; set; }
    [SupplyParameterFromQuery(Name = "period")] public string? Period { get; set; }
    [SupplyParameterFromQuery(Name = "filter")] public string[]? Filter { get; set; }
    [SupplyParameterFromQuery(Name = "compare")] public string? Compare { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }

    /// <summary>The view compares with the period of the same length just before (?compare=previous).</summary>
    protected bool Comparing => Compare == "previous";

    /// <summary>The dimension filters of the URL (?filter=device:mobile, repeatable), every report honours them.</summary>
    protected IReadOnlyList<ReportFilter> Filters { get; private set; } = [];

    protected IReadOnlyList<Site> Sites { get; private set; } = [];
    protected Site? Current { get; private set; }
    protected string PeriodKey { get; private set; } = ReportPeriods.Default;
    protected ReportQuery? Query { get; private set; }
    protected string? Error { get; set; }
    protected bool Loaded { get; private set; }
    protected CancellationToken Stopping => _stop.Token;

    // The load in progress, cancelled by the Cancel button (or with the page).
    private CancellationTokenSource? _load;

    /// <summary>The report is being loaded.</summary>
    protected bool Busy { get; private set; }

    /// <summary>The last load was stopped by <see cref="CancelLoad"/> before it finished.</summary>
    protected bool Cancelled { get; private set; }

    /// <summary>Stops waiting for the report being loaded (the Cancel button of <c>Loading</c>).</summary>
    protected void CancelLoad() => _load?.Cancel();

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            Sites = await SiteStore.ListAsync(_stop.Token);
            Current = Sites.FirstOrDefault(s => s.Id == Site) ?? Sites.FirstOrDefault();
            PeriodKey = ReportPeriods.Resolve(Period);
            (Filters, var filterError) = ReportFilters.Parse(Filter);
            if (Current is not null)
            {
                var custom = PeriodKey == ReportPeriods.Custom;
                var period = ReportPeriod.TryResolve(PeriodKey, custom ? From : null, custom ? To : null, Current.TimeZone, Time.GetUtcNow(), out var error);
                Error = error ?? filterError;
                Query = period is null || filterError is not null ? null : new ReportQuery(Current.Id, period, Filters);
                if (Query is not null) await LoadCancellablyAsync(Query);
            }
            Loaded = true;
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task LoadCancellablyAsync(ReportQuery query)
    {
        _load?.Cancel(); // a newer load (the URL changed, a refresh) replaces one still running
        var load = _load = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        Busy = true;
        Cancelled = false;
        try
        {
            await LoadAsync(query, load.Token);
        }
        catch (OperationCanceledException) when (load.IsCancellationRequested && !_stop.IsCancellationRequested)
        {
            Cancelled = _load == load; // stopped by the button, not replaced by a newer load
        }
        finally
        {
            if (_load == load)
            {
                Busy = false;
                _load = null;
            }
            load.Dispose();
        }
    }

    /// <summary>
    /// A link to another report page (<paramref name="path"/>, such as "/pages") for the same site, period and
    /// filters, with <paramref name="more"/> query values; values are URL-encoded, tracked ones included.
    /// Like every link of the dashboard it is a full navigation (App.razor turns enhanced navigation off).
    /// </summary>
    protected string LinkTo(string path, params (string Key, string? Value)[] more)
    {
        var custom = PeriodKey == ReportPeriods.Custom;
        var query = new List<KeyValuePair<string, string?>>
        {
            new("site", Current?.Id), new("period", PeriodKey), new("from", custom ? From : null), new("to", custom ? To : null), new("compare", Comparing ? "previous" : null),
        };
        query.AddRange(Filters.Select(f => new KeyValuePair<string, string?>("filter", ReportFilters.Text(f))));
        query.AddRange(more.Select(m => new KeyValuePair<string, string?>(m.Key, m.Value)));
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, query.Where(q => q.Value is not null));
    }

    /// <summary>Loads the page's report for the chosen site and period.</summary>
    protected abstract Task LoadAsync(ReportQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The page's report, computed once per page view: the prerender computes it (the report is in the HTML the
    /// browser shows first) and hands it to the interactive render in the page, as JSON with the address it
    /// answers; the circuit's first load takes it from there instead of running the queries again. Later loads
    /// (a refresh, another address) compute.
    /// </summary>
    protected async Task<T> OncePerViewAsync<T>(Func<Task<T>> compute) where T : class
    {
        var key = "report:" + GetType().Name;
        if (RendererInfo.IsInteractive)
        {
            if (!_handedOver)
            {
                _handedOver = true;
                if (Handed<T>(key) is { } handed && handed.Address == PageAddress.Uri) return handed.Report;
            }
            return await compute();
        }
        var report = await compute();
        var handover = new Handover<T>(PageAddress.Uri, report);
        _handOver = () =>
        {
            // The state travels back in the circuit's first message: a report too big for it is computed again instead.
            if (JsonSerializer.SerializeToUtf8Bytes(handover, SizeCheck).Length <= MaxHandoverBytes) PageState.PersistAsJson(key, handover);
        };
        _handing ??= PageState.RegisterOnPersisting(() =>
        {
            try
            {
                _handOver?.Invoke();
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or JsonException)
            {
                // A report JSON cannot carry (a non-finite number): the circuit computes it again instead.
            }
            return Task.CompletedTask;
        }, RenderMode.InteractiveServer);
        return report;
    }

    /// <summary>
    /// The largest report handed over, as JSON: it goes into the page as base64 and comes back in the circuit's
    /// first message, whose size the dashboard's hub allows for (<see cref="DashboardServiceCollectionExtensions"/>).
    /// </summary>
    public const int MaxHandoverBytes = 128 * 1024;

    private static readonly JsonSerializerOptions SizeCheck = new(JsonSerializerDefaults.Web);

    private sealed record Handover<T>(string Address, T Report);

    private Handover<T>? Handed<T>(string key)
    {
        try
        {
            return PageState.TryTakeFromJson<Handover<T>>(key, out var handed) ? handed : null;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            return null; // a page state this version cannot read: compute
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _handing?.Dispose();
        GC.SuppressFinalize(this);
    }
}
