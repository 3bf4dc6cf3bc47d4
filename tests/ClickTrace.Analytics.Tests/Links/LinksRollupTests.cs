using System.Text.Json;
using ClickTrace.Analytics.Links;
using ClickTrace.Analytics.Reports;
using ClickTrace.Storage.Events;
using ClickTrace.Testing;
using ClickTrace.Traffic;

namespace ClickTrace.Analytics.Tests.Links;

/// <summary>The links report counted from the quarter-hour rollups equals the one counted from the events, whole days or ragged.</summary>
public abstract class LinksRollupTests(StoreKind kind) : MigratedDatabaseTest(kind)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-11-01T00:00:00Z", "2026-11-03T00:00:00Z", "UTC")]
    [InlineData("2026-11-01T18:30:00Z", "2026-11-02T18:30:00Z", "Asia/Kolkata")]
    [InlineData("2026-11-01T10:07:13Z", "2026-11-02T13:52:40.5Z", "UTC")]
    [InlineData("2026-11-02T09:03:00Z", "2026-11-02T09:11:00Z", "UTC")]
    public async Task The_rollups_give_the_counts_of_the_events(string from, string to, string zone)
    {
        await new ClickHouseEventWriter(Store).WriteAsync(ShopTraffic.Generate(new ShopTrafficOptions { Seed = 5, Visitors = 800, Days = 3, Start = Start }).ToList());
        ReportPeriod.TryFindZone(zone, out var tz);
        var (first, last) = (DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        var query = new ReportQuery("shop", new ReportPeriod(first, last, tz, Interval.Hour));

        var fromRollups = await new LinksService(Store).GetAsync(query, minImpressions: 5);
        var fromEvents = await new LinksService(Store) { AlwaysFromEvents = true }.GetAsync(query, minImpressions: 5);

        Assert.Equal(JsonSerializer.Serialize(fromEvents), JsonSerializer.Serialize(fromRollups));
        Assert.True(fromRollups.Links.Sum(l => l.Impressions) > 0, "no impressions in the period: the comparison would prove nothing");
    }
}

public sealed class EmbeddedLinksRollupTests() : LinksRollupTests(StoreKind.Embedded);

public sealed class ServerLinksRollupTests() : LinksRollupTests(StoreKind.Server);
