using ClickTrace.Analytics.Funnels;
using ClickTrace.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ClickTrace.Analytics.Tests.Funnels;

public abstract class SavedFunnelStoreTests(StoreKind kind) : MigratedDatabaseTest(kind)
{
    private static readonly FunnelDefinition Definition = new(
    [
        new(FunnelStepKind.Page, "/product/*", Label: "Product"),
        new(FunnelStepKind.AnyOf, AnyOf: [new(FunnelStepKind.Step, "cart"), new(FunnelStepKind.ClickText, "Add to cart")]),
        new(FunnelStepKind.Custom, "purchase"),
    ], TimeSpan.FromDays(3) + TimeSpan.FromSeconds(5), FunnelOrder.Strict);

    [Fact]
    public async Task A_saved_funnel_reads_back_whole_keeps_its_creation_time_when_replaced_and_is_gone_when_deleted()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
        var funnels = new SavedFunnelStore(Store, clock);

        await funnels.SaveAsync("shop", "checkout", "Checkout", Definition);
        clock.Advance(TimeSpan.FromHours(1));
        await funnels.SaveAsync("shop", "checkout", "Checkout, renamed", Definition);
        await funnels.SaveAsync("other", "checkout", "Not this site's", Definition with { Order = FunnelOrder.Ordered });

        var saved = Assert.Single(await funnels.ListAsync("shop"));
        Assert.Equal(("Checkout, renamed", clock.GetUtcNow().AddHours(-1), clock.GetUtcNow()), (saved.Name, saved.CreatedAt, saved.UpdatedAt));
        Assert.Equal(Definition.Window, saved.Definition.Window);
        Assert.Equal(Definition.Order, saved.Definition.Order);
        Assert.Equal(Definition.Steps.Select(s => s.Describe()), saved.Definition.Steps.Select(s => s.Describe()));
        Assert.Equal("Product", saved.Definition.Steps[0].Label);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await funnels.DeleteAsync("shop", "checkout"));
        Assert.Null(await funnels.FindAsync("shop", "checkout"));
        Assert.False(await funnels.DeleteAsync("shop", "checkout"));
        Assert.NotNull(await funnels.FindAsync("other", "checkout"));
    }
}

public sealed class EmbeddedSavedFunnelStoreTests() : SavedFunnelStoreTests(StoreKind.Embedded);

public sealed class ServerSavedFunnelStoreTests() : SavedFunnelStoreTests(StoreKind.Server);
