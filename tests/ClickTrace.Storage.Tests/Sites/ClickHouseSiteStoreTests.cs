using ClickTrace.Core.Sites;
using ClickTrace.Storage.Sites;
using ClickTrace.Testing;

namespace ClickTrace.Storage.Tests.Sites;

public abstract class ClickHouseSiteStoreTests(StoreKind kind) : MigratedDatabaseTest(kind)
{
    [Fact]
    public async Task Saving_a_site_again_replaces_it()
    {
        var sites = new ClickHouseSiteStore(Store, TimeProvider.System);
        await sites.SaveAsync(new Site { Id = "shop", Name = "Shop", AllowedOrigins = ["https://shop.example"] });
        await sites.SaveAsync(new Site { Id = "shop", Name = "Shop's new name", AllowedOrigins = ["https://a.example", "https://b.example"], TimeZone = "Europe/Berlin" });

        var site = Assert.Single(await sites.ListAsync());
        Assert.Equal("Shop's new name", site.Name);
        Assert.Equal(["https://a.example", "https://b.example"], site.AllowedOrigins);
        Assert.Equal("Europe/Berlin", site.TimeZone);
        Assert.Null(await sites.FindAsync("other"));
        Assert.NotNull(await sites.FindAsync("shop"));
    }
}

public sealed class EmbeddedClickHouseSiteStoreTests() : ClickHouseSiteStoreTests(StoreKind.Embedded);

public sealed class ServerClickHouseSiteStoreTests() : ClickHouseSiteStoreTests(StoreKind.Server);
