using System.Net;
using ClickTrace.Collector.Enrichment;

namespace ClickTrace.Collector.Tests.Enrichment;

public sealed class VisitorIdsTests
{
    private static readonly IPAddress Ip = IPAddress.Parse("198.51.100.23");

    [Fact]
    public void The_same_salt_site_ip_and_agent_give_the_same_id() =>
        Assert.Equal(VisitorIds.Hash([1], "shop", Ip, "UA"), VisitorIds.Hash([1], "shop", Ip, "UA"));

    [Fact]
    public void A_new_days_salt_gives_another_id() =>
        Assert.NotEqual(VisitorIds.Hash([1], "shop", Ip, "UA"), VisitorIds.Hash([2], "shop", Ip, "UA"));

    [Fact]
    public void Sites_are_not_linkable_through_the_id() =>
        Assert.NotEqual(VisitorIds.Hash([1], "shop", Ip, "UA"), VisitorIds.Hash([1], "blog", Ip, "UA"));

    [Fact]
    public void Field_boundaries_matter() =>
        Assert.NotEqual(VisitorIds.Hash([1], "shop1", IPAddress.Parse("1.1.1.1"), "UA"), VisitorIds.Hash([1], "shop", IPAddress.Parse("11.1.1.1"), "UA"));
}
