using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ClickTrace.Analytics.Abandonment;
using ClickTrace.Analytics.Ads;
using ClickTrace.Analytics.Funnels;
using ClickTrace.Analytics.Links;
using ClickTrace.Analytics.Overview;
using ClickTrace.Analytics.Reports;
using ClickTrace.Storage;
using ClickTrace.Storage.Embedded;
using ClickTrace.Storage.Events;
using ClickTrace.Storage.Schema;
using ClickTrace.Traffic;
using Microsoft.Extensions.Logging.Abstractions;

// dotnet run -c Release --project bench/ClickTrace.AnalyticsBench [-- EVENTS [OUT.json]]
// Generates EVENTS shop events (default 10 million) over 30 days into a fresh embedded engine, then times
// each report through its service against the bare ClickHouse query that computes the same numbers.
var target = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000_000;
var output = args.Length > 1 ? args[1] : Path.Combine(FindRepoRoot(), "bench", "results", "analytics.json");
var folder = Path.Combine(Path.GetTempPath(), "clicktrace-analytics-bench-" + Environment.ProcessId);
using var store = new EmbeddedClickHouse(folder, "bench");
await new Migrator(store, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(Migrations.All(new StorageOptions()));

var start = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
// The generated shop has about 17 events per visitor: enough visitors, cut at the target.
var traffic = ShopTraffic.Generate(new ShopTrafficOptions { Visitors = target / 12, Days = 30, Start = start, Seed = 42 }).Take(target);
var clock = Stopwatch.StartNew();
long events = 0;
foreach (var chunk in traffic.Chunk(200_000))
{
    var buffer = new ArrayBufferWriter<byte>();
    EventRows.Write(buffer, chunk);
    await store.InsertRowBinaryAsync(EventRows.Table, EventRows.Columns, buffer.WrittenMemory);
    events += chunk.Length;
}
var insertSeconds = clock.Elapsed.TotalSeconds;
// Steady state: the parts merged, as a store that has been running a while has them.
foreach (var table in new[] { "events", "overview_buckets", "overview_days", "page_days", "click_days", "visit_buckets", "visit_names" })
    await store.QueryAsync($"OPTIMIZE TABLE {table} FINAL");
Console.WriteLine($"{events:N0} events inserted in {insertSeconds:0.0} s");

var period = ReportPeriod.TryResolve("custom", "2026-10-01", "2026-10-30", "UTC", start, out _)!;
var query = new ReportQuery("shop", period);
var funnel = new FunnelDefinition(
[
    new(FunnelStepKind.Page, Shop.Home),
    new(FunnelStepKind.Page, Shop.ProductPrefix + "*"),
    new(FunnelStepKind.Step, "cart"),
    new(FunnelStepKind.Step, "checkout-details"),
    new(FunnelStepKind.Custom, Shop.Purchase),
], TimeSpan.FromHours(1));

var funnels = new FunnelService(store);
var funnelReport = await funnels.GetAsync(query, funnel);
var funnelMs = await MedianMs(() => funnels.GetAsync(query, funnel));
// The same statement sent as it is: the numbers the report shows, without the service around it.
var (funnelSql, funnelParameters) = FunnelService.Statement(query, funnel);
var rawFunnelMs = await MedianMs(() => store.QueryAsync(funnelSql, funnelParameters));
var bareFunnelMs = await MedianMs(() => store.QueryAsync("""
    SELECT level, count() FROM (
        SELECT visitor_id, windowFunnel(3600000)(toUInt64(toUnixTimestamp64Milli(timestamp)),
            type = 'pageview' AND path = '/', type = 'pageview' AND path LIKE '/product/%', type = 'step' AND name = 'cart',
            type = 'step' AND name = 'checkout-details', type = 'custom' AND name = 'purchase') AS level
        FROM events
        WHERE site_id = 'shop' AND timestamp >= '2026-10-01 00:00:00' AND timestamp < '2026-10-31 00:00:00'
          AND (type = 'pageview' AND (path = '/' OR path LIKE '/product/%') OR type = 'step' AND name IN ('cart', 'checkout-details') OR type = 'custom' AND name = 'purchase')
        GROUP BY visitor_id)
    GROUP BY level
    """));

// The drill-down of the details step (reached, not bought), alone and after its funnel as the dashboard loads
// them: the funnel page starts the drill-down of its worst step once the funnel is known (AbandonmentPrefetch).
var abandonment = new AbandonmentService(store);
var abandonmentReport = await abandonment.GetAsync(query, funnel, 4);
var abandonmentMs = await MedianMs(() => abandonment.GetAsync(query, funnel, 4));
var (abandonmentSql, abandonmentParameters) = AbandonmentService.Statement(query, funnel, 4);
var rawAbandonmentMs = await MedianMs(() => store.QueryAsync(abandonmentSql, abandonmentParameters));
var funnelWithAbandonmentMs = await MedianMs(async () => { await funnels.GetAsync(query, funnel); await abandonment.GetAsync(query, funnel, 4); });

var ads = new AdsService(store);
var adsReport = await ads.GetAsync(query, new FunnelStep(FunnelStepKind.Custom, Shop.Purchase));
var adsMs = await MedianMs(() => ads.GetAsync(query, new FunnelStep(FunnelStepKind.Custom, Shop.Purchase)));
var (adsSql, adsParameters) = AdsService.Statement(query, new FunnelStep(FunnelStepKind.Custom, Shop.Purchase));
var rawAdsMs = await MedianMs(() => store.QueryAsync(adsSql, adsParameters));
// Visits and conversions per campaign content and per ad value, written by hand: a session converts when it
// has a purchase anywhere (not only after the ad was seen), which is cheaper and nearly the same numbers.
var bareAdsMs = await MedianMs(() => Task.WhenAll(
    store.QueryAsync("""
        SELECT c, count(), countIf(p) FROM (
            SELECT session_id, argMinIf(utm_content, timestamp, utm_source != '') AS c, countIf(type = 'custom' AND name = 'purchase') > 0 AS p
            FROM events WHERE site_id = 'shop' AND timestamp >= '2026-10-01 00:00:00' AND timestamp < '2026-10-31 00:00:00'
            GROUP BY session_id HAVING countIf(utm_source != '') > 0)
        GROUP BY c
        """),
    store.QueryAsync("""
        SELECT shown, count(), countIf(p) FROM (
            SELECT session_id, anyIf(ad, ad != '') AS shown, countIf(type = 'custom' AND name = 'purchase') > 0 AS p
            FROM events WHERE site_id = 'shop' AND timestamp >= '2026-10-01 00:00:00' AND timestamp < '2026-10-31 00:00:00'
            GROUP BY session_id HAVING countIf(ad != '') > 0)
        GROUP BY shown
        """)));

var links = new LinksService(store);
var linksReport = await links.GetAsync(query);
var linksMs = await MedianMs(() => links.GetAsync(query));
// The counts alone, without the broken-click window: what a hand-written impressions-and-clicks query costs.
var bareLinksMs = await MedianMs(() => store.QueryAsync("""
    SELECT path, selector, countIf(type = 'impression'), uniqExactIf(visitor_id, type = 'impression'), countIf(type = 'click'), uniqExactIf(visitor_id, type = 'click')
    FROM events
    WHERE site_id = 'shop' AND timestamp >= '2026-10-01 00:00:00' AND timestamp < '2026-10-31 00:00:00' AND type IN ('impression', 'click') AND href != ''
    GROUP BY path, selector
    """));

var overview = new OverviewService(store);
var overviewMs = await MedianMs(() => overview.GetAsync(query));
var overviewFromEventsMs = await MedianMs(() => new OverviewService(store) { AlwaysFromEvents = true }.GetAsync(query));
// The rollup statements the report sends, written out with literal values: the bare cost of reading the rollups.
var bareRollupsMs = await MedianMs(async () =>
{
    const string rollup = "site_id = 'shop' AND bucket >= '2026-10-01 00:00:00' AND bucket < '2026-10-31 00:00:00'";
    const string days = "site_id = 'shop' AND until > '2026-10-01 00:00:00' AND until <= '2026-10-31 00:00:00'";
    const string mask = "18446744073709551615";
    await Task.WhenAll(
        store.QueryAsync($"SELECT uniqCombinedMerge(visitors), uniqCombinedMerge(sessions), sum(pageviews), sum(clicks) FROM overview_days WHERE {days}"),
        store.QueryAsync($"SELECT toStartOfDay(bucket, 'UTC') AS d, uniqMerge(visitors), sum(pageviews) FROM overview_buckets WHERE {rollup} GROUP BY d ORDER BY d"),
        store.QueryAsync($"SELECT CAST(path AS String) AS p, sum(pageviews) AS c, uniqCombinedMerge(visitors) FROM page_days WHERE {days} GROUP BY p ORDER BY c DESC, p LIMIT 10"),
        store.QueryAsync($"SELECT CAST(path AS String) AS p, CAST(selector AS String) AS s, CAST(any(tag) AS String), anyHeavyMerge(text), anyHeavyMerge(href), sum(clicks) AS c, uniqCombinedMerge(visitors) FROM click_days WHERE {days} GROUP BY p, s ORDER BY c DESC, p, s LIMIT 10"),
        store.QueryAsync($"""
            SELECT e, x, s, c, ch, dv, b, o, co, count(), uniqCombined(v), countIf(p = 1), sum(d) FROM (
                SELECT session_id, toUInt64(any(visitor_id)) AS v, toUInt64(sum(pageviews)) AS p, toUnixTimestamp64Milli(max(last)) - toUnixTimestamp64Milli(min(first)) AS d,
                       toUInt64(bitAnd(min(entry), {mask})) AS e, toUInt64(bitAnd(max(exit), {mask})) AS x, toUInt64(bitAnd(min(source), {mask})) AS s,
                       toUInt64(bitAnd(min(campaign), {mask})) AS c, toUInt64(bitAnd(min(channel), {mask})) AS ch,
                       toUInt64(max(device)) AS dv, toUInt64(max(browser)) AS b, toUInt64(max(os)) AS o, toUInt64(max(country)) AS co
                FROM visit_buckets WHERE {rollup} GROUP BY session_id HAVING p > 0)
            GROUP BY GROUPING SETS ((), (e), (x), (s), (c), (ch), (dv), (b), (o), (co))
            """));
});
var bareOverviewMs = await MedianMs(async () =>
{
    const string where = "site_id = 'shop' AND timestamp >= '2026-10-01 00:00:00' AND timestamp < '2026-10-31 00:00:00'";
    await Task.WhenAll(
        store.QueryAsync($"SELECT uniq(visitor_id), uniq(session_id), countIf(type = 'pageview'), countIf(type = 'click') FROM events WHERE {where}"),
        store.QueryAsync($"SELECT toStartOfDay(timestamp, 'UTC') AS d, uniq(visitor_id), countIf(type = 'pageview') FROM events WHERE {where} GROUP BY d ORDER BY d"),
        store.QueryAsync($"SELECT path, count() AS c, uniq(visitor_id) FROM events WHERE {where} AND type = 'pageview' GROUP BY path ORDER BY c DESC, path LIMIT 10"),
        store.QueryAsync($"SELECT path, selector, any(tag), anyHeavy(text), anyHeavy(href), count() AS c, uniq(visitor_id) FROM events WHERE {where} AND type = 'click' GROUP BY path, selector ORDER BY c DESC, path, selector LIMIT 10"));
});

var result = new
{
    machine = $"{Environment.ProcessorCount} cores",
    events,
    insert_seconds = Math.Round(insertSeconds, 1),
    funnel_5_steps_ms = funnelMs,
    funnel_statement_ms = rawFunnelMs,
    funnel_ratio_to_statement = Math.Round(funnelMs / rawFunnelMs, 2),
    funnel_levels_only_ms = bareFunnelMs,
    funnel_ratio_to_levels_only = Math.Round(funnelMs / bareFunnelMs, 2),
    funnel_visitors = funnelReport.Steps.Select(s => s.Visitors),
    abandonment_ms = abandonmentMs,
    abandonment_statement_ms = rawAbandonmentMs,
    abandonment_ratio_to_statement = Math.Round(abandonmentMs / rawAbandonmentMs, 2),
    funnel_with_abandonment_ms = funnelWithAbandonmentMs,
    abandoned_at_details = abandonmentReport.Abandoned,
    ads_ms = adsMs,
    ads_statements_ms = rawAdsMs,
    ads_ratio_to_statements = Math.Round(adsMs / rawAdsMs, 2),
    ads_hand_written_ms = bareAdsMs,
    ads_ratio_to_hand_written = Math.Round(adsMs / bareAdsMs, 2),
    ads_banner_verdict = adsReport.Placements.FirstOrDefault()?.Verdict.Text,
    links_ms = linksMs,
    links_counts_only_ms = bareLinksMs,
    links_ratio_to_counts_only = Math.Round(linksMs / bareLinksMs, 2),
    links_flagged = linksReport.Links.Count(l => l.Flag != LinkFlag.None),
    overview_ms = overviewMs,
    overview_rollups_bare_ms = bareRollupsMs,
    overview_ratio_to_rollups_bare = Math.Round(overviewMs / bareRollupsMs, 2),
    overview_from_events_ms = overviewFromEventsMs,
    overview_bare_ms = bareOverviewMs,
    overview_ratio = Math.Round(overviewMs / bareOverviewMs, 2),
    targets = "funnel with abandonment <= 1000 ms, overview <= 300 ms, links and ads <= 1000 ms, each within 2x of its bare query",
    notes = "funnel_statement: the report's own statement sent raw (same numbers: levels and first-pass times). funnel_levels_only: windowFunnel alone with literal values, which gives the visitor counts but not the times. links_counts_only: impressions and clicks per link without the broken-click window. funnel_with_abandonment: the funnel, then the drill-down of its details step, as the dashboard loads them (its funnel page starts the drill-down of the worst step once the funnel is known). ads_hand_written: visits and conversions per campaign content and ad value with a purchase anywhere in the session (the report counts only purchases after the ad was seen, and revenue). overview: totals, top pages and clicks read from the day rollups (whole UTC days) and the series and visits from the quarter-hour rollups (whole quarters), the ragged ends from the events; overview_rollups_bare: the rollup statements with literal values (totals, top pages and clicks from the day rollups, the series from the quarter hours, visits with their breakdowns); overview_from_events: the same report from the events alone; overview_bare: the four plain event queries without the visits.",
};
var json = JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true });
Console.WriteLine(json);
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, json + "\n");
store.Dispose();
Directory.Delete(folder, recursive: true);

// The median of 7 runs after one warm-up, in milliseconds.
static async Task<double> MedianMs(Func<Task> run)
{
    await run();
    var times = new List<double>();
    for (var i = 0; i < 7; i++)
    {
        var clock = Stopwatch.StartNew();
        await run();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return Math.Round(times[times.Count / 2], 1);
}

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "ClickTrace.sln"))) return dir.FullName;
    return Directory.GetCurrentDirectory();
}
