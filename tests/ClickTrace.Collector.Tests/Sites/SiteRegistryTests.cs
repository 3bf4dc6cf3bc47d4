using ClickTrace.Collector.Sites;
using ClickTrace.Core.Sites;
using Microsoft.Extensions.Time.Testing;

namespace ClickTrace.Collector.Tests.Sites;

public sealed class SiteRegistryTests
{
    private readonly FakeTimeProvider _time = new(Build.Now);
    private readonly InMemorySiteStore _store = new(new Site { Id = "shop", Name = "Shop" });

    [Fact]
    public async Task Known_sites_are_served_from_the_snapshot()
    {
        var registry = new SiteRegistry(_store, _time);

        for (var i = 0; i < 100; i++) Assert.NotNull(await registry.FindAsync("shop", default));

        Assert.Equal(1, _store.Lists);
    }

    [Fact]
    public async Task A_flood_of_unknown_keys_reloads_at_most_once_per_miss_interval()
    {
        var registry = new SiteRegistry(_store, _time);
        await registry.FindAsync("shop", default);

        for (var i = 0; i < 1000; i++) Assert.Null(await registry.FindAsync($"made-up-{i}", default));

        Assert.Equal(1, _store.Lists);
    }

    [Fact]
    public async Task A_new_site_is_found_after_the_miss_interval()
    {
        var registry = new SiteRegistry(_store, _time);
        await registry.FindAsync("shop", default);
        await _store.SaveAsync(new Site { Id = "new", Name = "New" });

        Assert.Null(await registry.FindAsync("new", default));
        _time.Advance(SiteRegistry.MissInterval);

        Assert.NotNull(await registry.FindAsync("new", default));
    }

    [Fact]
    public async Task Invalidate_makes_the_next_lookup_reload()
    {
        var registry = new SiteRegistry(_store, _time);
        await registry.FindAsync("shop", default);
        await _store.SaveAsync(new Site { Id = "new", Name = "New" });

        registry.Invalidate();

        Assert.NotNull(await registry.FindAsync("new", default));
    }

    [Fact]
    public async Task Past_its_age_the_snapshot_still_answers_at_once_and_is_refreshed_behind_the_request()
    {
        var registry = new SiteRegistry(_store, _time);
        await registry.FindAsync("shop", default);
        await _store.SaveAsync(new Site { Id = "shop", Name = "Renamed" });
        _time.Advance(SiteRegistry.MaxAge);
        _store.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously); // the store is busy

        var found = registry.FindAsync("shop", default);

        Assert.True(found.IsCompleted);
        Assert.Equal("Shop", (await found)!.Name);
        _store.Hold.SetResult();
        await registry.BehindRefresh;
        Assert.Equal("Renamed", (await registry.FindAsync("shop", default))!.Name);
        Assert.Equal(2, _store.Lists);
    }

    [Fact]
    public async Task A_store_that_is_down_leaves_known_sites_working_and_is_tried_once_per_miss_interval()
    {
        var registry = new SiteRegistry(_store, _time);
        await registry.FindAsync("shop", default);
        _time.Advance(SiteRegistry.MaxAge);
        _store.Hold = new TaskCompletionSource();
        _store.Hold.SetException(new InvalidOperationException("store down"));

        for (var i = 0; i < 100; i++) Assert.NotNull(await registry.FindAsync("shop", default));
        await registry.BehindRefresh;
        for (var i = 0; i < 100; i++) Assert.NotNull(await registry.FindAsync("shop", default));

        Assert.Equal(2, _store.Lists);
        _time.Advance(SiteRegistry.MissInterval);
        Assert.NotNull(await registry.FindAsync("shop", default));
        await registry.BehindRefresh;
        Assert.Equal(3, _store.Lists);
    }
}
