using System.Text.Json;
using ClickTrace.Analytics.Abandonment;
using ClickTrace.Analytics.Funnels;
using ClickTrace.Analytics.Reports;
using ClickTrace.Server.Components.Pages;
using ClickTrace.Storage;
using ClickTrace.Storage.Events;
using ClickTrace.Testing;
using ClickTrace.Traffic;
using Microsoft.Extensions.Time.Testing;

namespace ClickTrace.Server.Tests.Components.Pages;

/// <summary>The drill-down the funnel page starts ahead, on the embedded engine, its statements counted on their way to it.</summary>
public sealed class AbandonmentPrefetchTests() : MigratedDatabaseTest(StoreKind.Embedded)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ReportQuery Query = new("shop", ReportPeriod.TryResolve("custom", "2026-11-01", "2026-11-02", "UTC", Start, out _)!);
    private static readonly FunnelDefinition Checkout = new(
    [
        new(FunnelStepKind.Page, Shop.Home),
        new(FunnelStepKind.Step, "cart"),
        new(FunnelStepKind.Step, "checkout-details"),
        new(FunnelStepKind.Custom, Shop.Purchase),
    ], TimeSpan.FromHours(1));

    private readonly FakeTimeProvider _time = new(Start);
    private CountingStore _counted = default!;
    private AbandonmentPrefetch _prefetch = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await new ClickHouseEventWriter(Store).WriteAsync(ShopTraffic.Generate(new ShopTrafficOptions { Seed = 5, Visitors = 300, Days = 2, Start = Start }).ToList());
        _counted = new CountingStore(Store);
        _prefetch = new AbandonmentPrefetch(new AbandonmentService(_counted), _time);
    }

    [Fact]
    public async Task A_started_drill_down_is_taken_by_the_click_without_running_its_query_again()
    {
        _prefetch.Start(Query, Checkout, 3);
        _prefetch.Start(Query, Checkout, 3); // the interactive render's first load asks again

        var clicked = await _prefetch.GetAsync(Query, Checkout, 3, CancellationToken.None);
        var again = await _prefetch.GetAsync(Query, Checkout, 3, CancellationToken.None);

        Assert.Equal(1, _counted.Queries);
        Assert.Same(clicked, again);
        var direct = await new AbandonmentService(Store).GetAsync(Query, Checkout, 3);
        Assert.True(direct.Abandoned > 0, "nobody abandoned at the details step: the comparison would prove nothing");
        Assert.Equal(JsonSerializer.Serialize(direct), JsonSerializer.Serialize(clicked));
    }

    [Fact]
    public async Task Another_step_or_a_drill_down_past_its_minute_is_computed_when_asked_for()
    {
        _prefetch.Start(Query, Checkout, 3);
        await _prefetch.GetAsync(Query, Checkout, 2, CancellationToken.None);
        Assert.Equal(2, _counted.Queries);

        _time.Advance(AbandonmentPrefetch.KeepFor);
        await _prefetch.GetAsync(Query, Checkout, 3, CancellationToken.None);

        Assert.Equal(3, _counted.Queries);
    }

    [Fact]
    public async Task At_most_its_capacity_is_kept_and_the_oldest_goes_first()
    {
        var windows = Enumerable.Range(1, AbandonmentPrefetch.Capacity + 1).Select(m => Checkout with { Window = TimeSpan.FromMinutes(m) }).ToList();
        foreach (var funnel in windows)
        {
            _prefetch.Start(Query, funnel, 3);
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }
        var started = _counted.Queries;

        await _prefetch.GetAsync(Query, windows[^1], 3, CancellationToken.None);
        Assert.Equal(started, _counted.Queries);
        await _prefetch.GetAsync(Query, windows[0], 3, CancellationToken.None);
        Assert.Equal(started + 1, _counted.Queries);
    }

    /// <summary>The real store, with a count of the statements sent to it.</summary>
    private sealed class CountingStore(IClickHouse store) : IClickHouse
    {
        private int _queries;
        public int Queries => Volatile.Read(ref _queries);
        public string Database => store.Database;

        public Task ExecuteAsync(string sql, QueryParameters? parameters = null, CancellationToken cancellationToken = default) =>
            store.ExecuteAsync(sql, parameters, cancellationToken);

        public Task<QueryResult> QueryAsync(string sql, QueryParameters? parameters = null, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _queries);
            return store.QueryAsync(sql, parameters, cancellationToken);
        }

        public Task<ulong> InsertRowBinaryAsync(string table, IReadOnlyList<string> columns, ReadOnlyMemory<byte> rows, string? deduplicationToken = null, CancellationToken cancellationToken = default) =>
            store.InsertRowBinaryAsync(table, columns, rows, deduplicationToken, cancellationToken);
    }
}
