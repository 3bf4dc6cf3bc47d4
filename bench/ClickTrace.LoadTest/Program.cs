using ClickTrace.LoadTest;

// "bare": the baseline endpoint (reads the body, answers 204). "ship": only the shipper against the
// engine's raw insert. Otherwise: run the whole harness.
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
return await Harness.RunAsync(args);
