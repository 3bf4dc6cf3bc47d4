using ClickTrace.Analytics.Abandonment;
using ClickTrace.Analytics.Ads;
using ClickTrace.Analytics.Funnels;
using ClickTrace.Analytics.Links;
using ClickTrace.Analytics.Overview;
using ClickTrace.Analytics.Pages;
using ClickTrace.Analytics.Paths;
using ClickTrace.Analytics.Reports;
using ClickTrace.Storage;
using ClickTrace.Storage.Events;
using ClickTrace.Testing;
using ClickTrace.Traffic;

namespace ClickTrace.Analytics.Tests.Reports;

/// <summary>
/// No report reads more than its site and date range ask for: over four weeks of two sites, every query of
/// every report for one day of one site reads a small part of the table, by the engine's own estimate of the
/// rows its primary key leaves to read (EXPLAIN ESTIMATE; the table is ordered by site and day).
/// </summary>
public abstract class RowsReadTests(StoreKind kind) : MigratedDatabaseTest(kind)
{
    private static readonly FunnelDefinition Checkout = new(
    [
        new(FunnelStepKind.Page, Shop.Home), new(FunnelStepKind.Page, Shop.ProductPrefix + "*"), new(FunnelStepKind.Step, "cart"), new(FunnelStepKind.Custom, Shop.Purchase),
    ], TimeSpan.FromHours(1));

    [Fact]
    public async Task Every_report_query_for_one_day_of_one_site_reads_a_small_part_of_the_table()
    {
        var writer = new ClickHouseEventWriter(Store);
        foreach (var site in new[] { "shop", "other" })
            await writer.WriteAsync(ShopTraffic.Generate(new ShopTrafficOptions { SiteId = site, Seed = site.Length, Visitors = 6000, Days = 28 }).ToList());
        await Store.ExecuteAsync("OPTIMIZE TABLE events FINAL");
        var total = Convert.ToInt64((await Store.QueryAsync("SELECT count() FROM events")).Scalar(), System.Globalization.CultureInfo.InvariantCulture);
        var period = ReportPeriod.TryResolve("custom", "2026-11-10", "2026-11-10", "UTC", DateTimeOffset.UtcNow, out _)!;
        var query = new ReportQuery("shop", period);
        var parameters = query.Parameters().Add("limit", 10).Add("page", "/product/%").Add("depth", 4).Add("backtrack_ms", 10_000)
            .Add("live_from", period.From).Add("live_to", period.To);

        var statements = new List<(string Name, string Sql, QueryParameters Parameters)>
        {
            ("overview totals", query.Expand(OverviewQueries.Totals), parameters),
            ("overview series", query.Expand(OverviewQueries.Series(Interval.Day)), parameters),
            ("overview visits", query.Expand(OverviewQueries.Visits), parameters),
            ("overview top pages", query.Expand(OverviewQueries.TopPages), parameters),
            ("overview top clicks", query.Expand(OverviewQueries.TopClicks), parameters),
            ("links counts", query.Expand(LinksQueries.Counts), parameters),
            ("links broken", query.Expand(LinksQueries.Broken), parameters),
            ("links frustration", query.Expand(LinksQueries.Frustration), parameters),
            ("paths", query.Expand(PathsSql.Report(into: false, "/product/*")), parameters),
            ("page heat", query.Expand(PageQueries.For(PageQueries.Heat, "/product/*")), parameters),
            ("page elements", query.Expand(PageQueries.For(PageQueries.Elements, "/product/*")), parameters),
            ("page fields", query.Expand(PageQueries.For(PageQueries.Fields, "/product/*")), parameters),
            ("live visitors", OverviewQueries.Live, parameters),
        };
        var (funnelSql, funnelParameters) = FunnelService.Statement(query, Checkout);
        statements.Add(("funnel", funnelSql, funnelParameters));
        var (abandonmentSql, abandonmentParameters) = AbandonmentService.Statement(query, Checkout, 2);
        statements.Add(("abandonment", abandonmentSql, abandonmentParameters));
        var (adsSql, adsParameters) = AdsService.Statement(query, null);
        statements.Add(("ads", adsSql, adsParameters));

        Assert.True(total > 200_000, $"only {total} events: too few granules to tell a pruned read from a full one");
        // The measure itself: a query over the whole table reads all of it.
        Assert.Equal(total, await RowsToReadAsync("SELECT sum(x) FROM events", new QueryParameters()));
        foreach (var (name, sql, statementParameters) in statements)
        {
            var read = await RowsToReadAsync(sql, statementParameters);
            Assert.True(read > 0 && read < total / 5, $"{name} reads {read:N0} of {total:N0} rows for one day of one site");
        }
    }

    [Fact]
    public async Task The_rollup_overview_reads_no_events_for_whole_days_and_quarters_and_only_the_days_of_its_ragged_ends()
    {
        await new ClickHouseEventWriter(Store).WriteAsync(ShopTraffic.Generate(new ShopTrafficOptions { Seed = 3, Visitors = 6000, Days = 28 }).ToList());
        await Store.ExecuteAsync("OPTIMIZE TABLE events FINAL");
        var total = Convert.ToInt64((await Store.QueryAsync("SELECT count() FROM events")).Scalar(), System.Globalization.CultureInfo.InvariantCulture);
        var month = new ReportQuery("shop", ReportPeriod.TryResolve("custom", "2026-11-01", "2026-11-28", "UTC", DateTimeOffset.UtcNow, out _)!);
        var ragged = month with { Period = month.Period with { From = month.Period.From.AddMinutes(7), To = month.Period.To.AddMinutes(-3) } };

        foreach (var sql in new[] { OverviewRollupQueries.Totals, OverviewRollupQueries.Series(Interval.Day), OverviewRollupQueries.TopPages, OverviewRollupQueries.TopClicks, OverviewRollupQueries.Visits })
        {
            Assert.Equal(0, await RowsToReadAsync(sql, month.Parameters().Add("limit", 10).WithQuarters(month.Period).WithDays(month.Period), "events"));
            var read = await RowsToReadAsync(sql, ragged.Parameters().Add("limit", 10).WithQuarters(ragged.Period).WithDays(ragged.Period), "events");
            Assert.True(read > 0 && read < total / 5, $"{read:N0} of {total:N0} events read for the ends of a four-week period");
        }
    }

    /// <summary>The rows the engine plans to read from the events table (or <paramref name="table"/>), over every read of it the plan shows.</summary>
    private async Task<long> RowsToReadAsync(string sql, QueryParameters parameters, string? table = null)
    {
        var estimate = await Store.QueryAsync("EXPLAIN ESTIMATE " + sql, parameters);
        var rows = estimate.Columns.ToList().IndexOf("rows");
        var tables = estimate.Columns.ToList().IndexOf("table");
        return estimate.Rows.Where(r => table is null || (string)r[tables]! == table).Sum(r => Convert.ToInt64(r[rows], System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class EmbeddedRowsReadTests() : RowsReadTests(StoreKind.Embedded);

public sealed class ServerRowsReadTests() : RowsReadTests(StoreKind.Server);
