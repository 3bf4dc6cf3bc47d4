using System.Net;
using ClickTrace.Collector.Enrichment;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClickTrace.Collector.Tests.Enrichment;

public sealed class CountryRangesTests
{
    private static readonly CountryRanges Ranges = CountryRanges.Parse(
        ["16777216,16777471,AU", "not,a,line", "16777472,16778239,CN", "3405803776,3405804031,NZ"],
        ["42540528726795050063891204319802818560,42540528806023212578155541913346768895,JP", "1,2,toolong"]);

    [Theory]
    [InlineData("1.0.0.0", "AU")]
    [InlineData("1.0.0.255", "AU")]
    [InlineData("1.0.1.0", "CN")]
    [InlineData("203.0.113.200", "NZ")]
    [InlineData("::ffff:1.0.1.7", "CN")] // an IPv4 client on a dual-stack socket
    [InlineData("2001:200::1", "JP")]
    [InlineData("1.0.4.0", "")] // between ranges
    [InlineData("0.0.0.1", "")] // before the first
    [InlineData("127.0.0.1", "")]
    [InlineData("::1", "")]
    public void An_address_is_found_in_the_range_that_holds_it_or_has_no_country(string address, string country) =>
        Assert.Equal(country, Ranges.Find(IPAddress.Parse(address)));

    [Fact]
    public void Malformed_lines_are_skipped_and_no_address_has_no_country()
    {
        Assert.Equal(4, Ranges.Count);
        Assert.Equal("", Ranges.Find(null));
        Assert.Equal("", CountryRanges.Empty.Find(IPAddress.Loopback));
    }

    [Fact]
    public async Task The_db_ip_files_beside_the_app_place_well_known_addresses()
    {
        var lookup = new CountryLookup(Options.Create(new CollectorOptions()), NullLogger<CountryLookup>.Instance);
        await lookup.Loaded;

        Assert.True(lookup.Ranges > 100_000, $"{lookup.Ranges} ranges");
        // The data is pinned by the package lock: these are DB-IP's answers in that version.
        Assert.Equal("AU", lookup.Find(IPAddress.Parse("1.1.1.1")));
        Assert.Equal("US", lookup.Find(IPAddress.Parse("8.8.8.8")));
        Assert.Equal("DE", lookup.Find(IPAddress.Parse("2a01:4f8::1"))); // Hetzner
        Assert.Equal("", lookup.Find(IPAddress.Parse("10.1.2.3")));
    }

    [Fact]
    public async Task Without_the_files_every_address_has_no_country()
    {
        var lookup = new CountryLookup(Options.Create(new CollectorOptions { CountryData = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid()) }), NullLogger<CountryLookup>.Instance);
        await lookup.Loaded;

        Assert.Equal(0, lookup.Ranges);
        Assert.Equal("", lookup.Find(IPAddress.Parse("8.8.8.8")));
    }
}
