using System.Globalization;
using ClickTrace.Traffic.DemoShop;
using ClickTrace.TrafficSim;

// Drives visitors through the demo shop; see samples/TrafficSim/README.md.
if (args.Length == 0 || args[0] is not ("browser" or "fast") || args.Contains("--help"))
{
    Console.WriteLine("""
        Usage:
          ClickTrace.TrafficSim browser [--shop http://localhost:5090] [--parallel 4] [--speed 1] [options]
          ClickTrace.TrafficSim fast [--collector http://localhost:5080] [--site demo] [--origin URL] [--hours 23] [--parallel 8] [options]
        Options (the planted truths):
          --visitors N (200)  --seed N (1)  --browse 0.30  --frustrated 0.10  --details-dropoff 0.55
          --confusing 0.8  --broken 0.25  --coupon-once 0.2  --hero-b 0.75  --mobile 0.3
        """);
    return args.Contains("--help") ? 0 : 2;
}

try
{
    var flags = Flags.Parse(args.Skip(1));
    var defaults = new DemoShopTrafficOptions();
    var continues = defaults.Continue.ToArray();
    continues[DemoShopTrafficOptions.DetailsScreen - 1] = 1 - flags.Double("details-dropoff", defaults.DetailsDropOff);
    var traffic = new DemoShopTrafficOptions
    {
        Visitors = flags.Int("visitors", 200), Seed = flags.Int("seed", 1),
        BrowseShare = flags.Double("browse", defaults.BrowseShare), FrustratedShare = flags.Double("frustrated", defaults.FrustratedShare),
        Continue = continues, ConfusingFieldShare = flags.Double("confusing", defaults.ConfusingFieldShare),
        BrokenLinkShare = flags.Double("broken", defaults.BrokenLinkShare), CouponOnceShare = flags.Double("coupon-once", defaults.CouponOnceShare),
        HeroBOfBuyers = flags.Double("hero-b", defaults.HeroBOfBuyers), MobileShare = flags.Double("mobile", defaults.MobileShare),
    };
    traffic.Validate();
    Console.WriteLine("Planted truths:");
    foreach (var line in traffic.Truths()) Console.WriteLine("  " + line);

    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
    var progress = new ProgressBar(traffic.Visitors, "visitors");
    SimReport report;
    if (args[0] == "browser")
    {
        var options = new BrowserModeOptions
        {
            Shop = flags.Uri("shop", "http://localhost:5090"), Parallel = flags.Int("parallel", 4), Speed = flags.Double("speed", 1),
            Chromium = flags.String("chromium", "/usr/bin/chromium"),
        };
        report = await BrowserMode.RunAsync(options, DemoShopPlanner.Plan(traffic), progress, cancel.Token);
    }
    else
    {
        var options = new FastModeOptions
        {
            Collector = flags.Uri("collector", "http://localhost:5080"), Site = flags.String("site", "demo"),
            Origin = flags.String("origin", "http://localhost:5080"), Hours = flags.Double("hours", 23), Parallel = flags.Int("parallel", 8),
        };
        report = await FastMode.RunAsync(options, traffic, progress, cancel.Token);
    }
    foreach (var line in report.Lines()) Console.WriteLine(line);
    return report.Failures.Count == 0 ? 0 : 1;
}
catch (Exception error) when (error is ArgumentException or FormatException or InvalidOperationException or HttpRequestException)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}

/// <summary>--name value pairs.</summary>
internal sealed class Flags(Dictionary<string, string> values)
{
    public static Flags Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            if (!e.Current.StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Unexpected argument '{e.Current}'.");
            var name = e.Current[2..];
            if (!e.MoveNext()) throw new ArgumentException($"--{name} needs a value.");
            values[name] = e.Current;
        }
        return new Flags(values);
    }

    public string String(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public int Int(string name, int fallback) => values.TryGetValue(name, out var v)
        ? int.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : throw new FormatException($"--{name} must be a whole number, not '{v}'.") : fallback;

    public double Double(string name, double fallback) => values.TryGetValue(name, out var v)
        ? double.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : throw new FormatException($"--{name} must be a number, not '{v}'.") : fallback;

    public Uri Uri(string name, string fallback) => System.Uri.TryCreate(String(name, fallback), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        ? uri : throw new FormatException($"--{name} must be an absolute http(s) URL.");
}
