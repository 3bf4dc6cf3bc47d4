using ClickTrace.LoadTest;

// "bare": the baseline endpoint (reads the body, answers 204). "ship": only the shipper against the
// engine's raw insert. "latency": see below. Otherwise: run the whole harness.
if (args.Length > 0 && args[0] == "bare")
{
    BareServer.Run(args[1..]);
    return 0;
}
if (args.Length > 0 && args[0] == "ship")
{
    var work = Directory.CreateTempSubdirectory("clicktrace-ship-").FullName;
    var ship = await ShipperBench.RunAsync(work, events: 1_000_000, batchSize: 10_000);
    Console.WriteLine($"ship: {ship.ShipEps:0} events/s shipped, {ship.RawInsertEps:0} events/s raw RowBinary insert, ratio {ship.ShipEps / ship.RawInsertEps:0.000}");
    Directory.Delete(work, recursive: true);
    return 0;
}
if (args.Length > 1 && args[0] == "latency-bare")
{
    // "latency-bare <rps>": the same open-loop generator against the bare endpoint: the generator's own share of the tail.
    var bodies = Bodies.Make(Harness.BodyCount);
    await using var bare = await Child.StartAsync(typeof(Harness).Assembly.Location, ["bare"], new Dictionary<string, string>(), "/");
    await OpenLoop.RunAsync(bare.Collect, bodies, 1000, TimeSpan.FromSeconds(5)); // warm-up
    var rate = double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
    var result = await OpenLoop.RunAsync(bare.Collect, bodies, rate, TimeSpan.FromSeconds(10));
    Console.WriteLine($"latency (bare): {result.AchievedRps:0} of {rate:0} req/s, p50 {result.P50Ms:0.00} ms, p99 {result.P99Ms:0.00} ms, errors {result.Errors}");
    return 0;
}
if (args.Length > 1 && args[0] == "latency")
{
    // "latency <rps> [backlog seconds]": the open-loop latency of the real server alone, optionally after a wrk
    // burst of that many seconds whose backlog is still shipping. For looking into the tail; writes no results.
    var work = Directory.CreateTempSubdirectory("clicktrace-latency-").FullName;
    var server = Harness.ServerAssembly;
    var bodies = Bodies.Make(Harness.BodyCount);
    await using (var collector = await Child.StartAsync(server, [], Harness.CollectorEnvironment(work), "/ready"))
    {
        await OpenLoop.RunAsync(collector.Collect, bodies, 1000, TimeSpan.FromSeconds(5)); // warm-up
        if (args.Length > 2) await Wrk.RunAsync(collector.Collect, Wrk.Script(bodies), 64, TimeSpan.FromSeconds(int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)));
        var rate = double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
        var result = await OpenLoop.RunAsync(collector.Collect, bodies, rate, TimeSpan.FromSeconds(10));
        Console.WriteLine($"latency: {result.AchievedRps:0} of {rate:0} req/s, p50 {result.P50Ms:0.00} ms, p99 {result.P99Ms:0.00} ms, errors {result.Errors}");
        using var http = new HttpClient { BaseAddress = collector.Address };
        var metrics = Path.Combine(Path.GetTempPath(), "clicktrace-latency-metrics.txt");
        await File.WriteAllTextAsync(metrics, await http.GetStringAsync("/metrics"));
        Console.WriteLine($"metrics: {metrics}");
    }
    Directory.Delete(work, recursive: true);
    return 0;
}
if (args.Length > 0 && args[0] == "serve")
{
    // "serve": the real server as the harness runs it, and the wrk script of its bodies, until Enter; for profiling.
    var work = Directory.CreateTempSubdirectory("clicktrace-serve-").FullName;
    await using (var collector = await Child.StartAsync(Harness.ServerAssembly, [], Harness.CollectorEnvironment(work), "/ready"))
    {
        Console.WriteLine($"collect: {collector.Collect}");
        Console.WriteLine($"script:  {Wrk.Script(Bodies.Make(Harness.BodyCount))}");
        Console.ReadLine();
    }
    Directory.Delete(work, recursive: true);
    return 0;
}
return await Harness.RunAsync(args);
