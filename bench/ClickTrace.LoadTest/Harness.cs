using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClickTrace.LoadTest;

/// <summary>
/// The collector load harness. Everything is measured in one run on one machine, and reported as ratios:
/// a bare Kestrel endpoint that only reads the body, then the real collect endpoint (durable
/// acknowledgement on) with the same bodies; p99 latency at half the collector's rate; peak memory under
/// twice the connections; the shipper against the engine's raw insert. Writes bench/results/collector.json.
/// </summary>
internal static class Harness
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);
    private const int Connections = 64;

    /// <summary>
    /// Distinct bodies, sent in turn. A body repeats its event ids, and the shipper keeps one copy of an id per
    /// insert of 10,000 events (500 bodies): with 1,024 bodies no insert holds a repeat, so every event is stored.
    /// </summary>
    public const int BodyCount = 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        if (!Wrk.Available())
        {
            Console.Error.WriteLine("wrk not found: install it with 'apt-get install -y wrk'.");
            return 2;
        }
        var server = ServerAssembly;
        var output = args.Length > 0 ? args[0] : Path.Combine(RepoRoot(), "bench", "results", "collector.json");
        var self = typeof(Harness).Assembly.Location;
        var bodies = Bodies.Make(BodyCount);
        var script = Wrk.Script(bodies);
        var work = Directory.CreateTempSubdirectory("clicktrace-load-").FullName;

        Console.WriteLine($"Bodies: {bodies.Count} batches of 20 events, {bodies.Average(b => b.Length):0} bytes on average");
        Wrk.Result bare;
        await using var baseline = await Child.StartAsync(self, ["bare"], new Dictionary<string, string>(), "/");
        await Wrk.RunAsync(baseline.Collect, script, Connections, Duration); // warm-up: tiered JIT and PGO settle
        bare = await Wrk.RunAsync(baseline.Collect, script, Connections, Duration);
        Console.WriteLine($"bare:    {bare.RequestsPerSecond:0} req/s, p99 {bare.P99Ms:0.00} ms");

        var environment = CollectorEnvironment(work);
        Wrk.Result collect, overload;
        OpenLoop.Result half;
        double rssPeak = 0;
        await using (var collector = await Child.StartAsync(server, [], environment, "/ready"))
        {
            await Wrk.RunAsync(collector.Collect, script, Connections, Duration); // warm-up, as for the baseline
            collect = await Wrk.RunAsync(collector.Collect, script, Connections, Duration);
            Console.WriteLine($"collect: {collect.RequestsPerSecond:0} req/s, p99 {collect.P99Ms:0.00} ms, non-2xx {collect.Non2xx}");
            // The saturation runs left a backlog in the log; half load is measured once the shipper has caught up.
            var drained = await WaitForShippedAsync(collector.Address, TimeSpan.FromMinutes(3));
            Console.WriteLine($"drained: the log's backlog shipped in {drained.TotalSeconds:0} s");
            half = await OpenLoop.RunAsync(collector.Collect, bodies, collect.RequestsPerSecond / 2, Duration);
            using (var http = new HttpClient { BaseAddress = collector.Address })
                await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(output)!, "collector-metrics.txt"), await http.GetStringAsync("/metrics"));
            Console.WriteLine($"half:    {half.AchievedRps:0} of {half.OfferedRps:0} req/s offered, p50 {half.P50Ms:0.00} ms, p99 {half.P99Ms:0.00} ms, errors {half.Errors}");
            overload = await Wrk.RunAsync(collector.Collect, script, Connections * 2, Duration, () => rssPeak = Math.Max(rssPeak, collector.RssMb()));
            rssPeak = Math.Max(rssPeak, collector.PeakRssMb());
            Console.WriteLine($"2x:      {overload.RequestsPerSecond:0} req/s with {Connections * 2} connections, peak RSS {rssPeak:0} MiB");
        }
        // The same saturation with the engine and the shipper under Linux's idle policy (Storage:EngineIdle,
        // Collector:ShipIdle): how much of the gap to the bare endpoint is the engine storing the backlog meanwhile.
        Wrk.Result idle;
        var idleEnvironment = new Dictionary<string, string>(CollectorEnvironment(Path.Combine(work, "idle")))
        {
            ["ClickTrace__Storage__EngineIdle"] = "true",
            ["ClickTrace__Collector__ShipIdle"] = "true",
        };
        await using (var collector = await Child.StartAsync(server, [], idleEnvironment, "/ready"))
        {
            await Wrk.RunAsync(collector.Collect, script, Connections, Duration);
            idle = await Wrk.RunAsync(collector.Collect, script, Connections, Duration);
            Console.WriteLine($"idle:    {idle.RequestsPerSecond:0} req/s with the engine and shipper at idle priority, non-2xx {idle.Non2xx}");
        }

        // The generator shares the cores: the bare endpoint at the same offered rate shows its own share of the tail.
        var halfBare = await OpenLoop.RunAsync(baseline.Collect, bodies, half.OfferedRps, Duration);
        Console.WriteLine($"half, bare endpoint at the same rate: p50 {halfBare.P50Ms:0.00} ms, p99 {halfBare.P99Ms:0.00} ms");

        var ship = await ShipperBench.RunAsync(Path.Combine(work, "ship"), events: 1_000_000, batchSize: 10_000);
        Console.WriteLine($"ship:    {ship.ShipEps:0} events/s shipped, {ship.RawInsertEps:0} events/s raw RowBinary insert");

        var results = new JsonObject
        {
            ["measured_at"] = DateTimeOffset.UtcNow.ToString("O"),
            ["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}",
            ["batch_events"] = 20,
            ["connections"] = Connections,
            ["duration_s"] = Duration.TotalSeconds,
            ["bare_rps"] = Math.Round(bare.RequestsPerSecond),
            ["collect_rps"] = Math.Round(collect.RequestsPerSecond),
            ["collect_events_per_s"] = Math.Round(collect.RequestsPerSecond * 20),
            ["collect_non2xx"] = collect.Non2xx,
            ["ratio"] = Math.Round(collect.RequestsPerSecond / bare.RequestsPerSecond, 3),
            ["ratio_target"] = 0.70,
            ["collect_rps_engine_idle"] = Math.Round(idle.RequestsPerSecond),
            ["ratio_engine_idle"] = Math.Round(idle.RequestsPerSecond / bare.RequestsPerSecond, 3),
            ["p99_ms_full_load_closed_loop"] = Math.Round(collect.P99Ms, 2),
            ["half_load_offered_rps"] = Math.Round(half.OfferedRps),
            ["half_load_achieved_rps"] = Math.Round(half.AchievedRps),
            ["p50_ms_half_load"] = Math.Round(half.P50Ms, 2),
            ["p99_ms_half_load"] = Math.Round(half.P99Ms, 2),
            ["p99_target_ms"] = 10,
            ["p50_ms_same_rate_bare"] = Math.Round(halfBare.P50Ms, 2),
            ["p99_ms_same_rate_bare"] = Math.Round(halfBare.P99Ms, 2),
            ["overload_connections"] = Connections * 2,
            ["overload_rps"] = Math.Round(overload.RequestsPerSecond),
            ["rss_mb_peak"] = Math.Round(rssPeak),
            ["ship_eps"] = Math.Round(ship.ShipEps),
            ["raw_insert_eps"] = Math.Round(ship.RawInsertEps),
            ["ship_ratio"] = Math.Round(ship.ShipEps / ship.RawInsertEps, 3),
            ["ship_ratio_target"] = 0.5,
            ["ship_events"] = ship.Events,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, results.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        Console.WriteLine($"Wrote {output}");
        try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        return 0;
    }

    /// <summary>ClickTrace.Server.dll of the same configuration (Release), as the build recorded it.</summary>
    public static string ServerAssembly =>
        typeof(Harness).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ServerAssembly").Value!;

    /// <summary>The real server as the harness runs it: its own data folder, no rate limits, no demo traffic, a large log.</summary>
    public static Dictionary<string, string> CollectorEnvironment(string work) => new()
    {
        ["ClickTrace__Storage__DataPath"] = Path.Combine(work, "data"),
        ["ClickTrace__Collector__RateLimits__ClientRequestsPerSecond"] = "0",
        ["ClickTrace__Collector__RateLimits__SiteEventsPerSecond"] = "0",
        ["ClickTrace__Collector__Log__MaxBytes"] = (16L * 1024 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        // The bodies come round again with the same event ids: with the repeat check on, the shipper would store each
        // event once and drop every later copy, so the engine would have nothing to do. Off, every accepted event is stored.
        ["ClickTrace__Collector__RecentIdsWindow"] = "00:00:00",
        ["ClickTrace__Demo__Traffic"] = "false", // the demo shop's first-start traffic would share the cores
    };

    /// <summary>Waits until the collector's log has no unshipped byte (its log_unshipped_bytes gauge is 0).</summary>
    public static async Task<TimeSpan> WaitForShippedAsync(Uri collector, TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = collector };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            var metrics = await http.GetStringAsync("/metrics");
            var unshipped = metrics.Split('\n').FirstOrDefault(l => l.StartsWith("clicktrace_collector_log_unshipped_bytes ", StringComparison.Ordinal));
            if (unshipped is not null && unshipped.EndsWith(" 0", StringComparison.Ordinal)) return clock.Elapsed;
            await Task.Delay(500);
        }
        return clock.Elapsed;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ClickTrace.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
