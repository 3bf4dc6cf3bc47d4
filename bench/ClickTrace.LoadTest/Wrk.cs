using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ClickTrace.LoadTest;

/// <summary>Runs wrk (closed loop) against an endpoint with a Lua script that cycles through the bodies.</summary>
internal static partial class Wrk
{
    public sealed record Result(double RequestsPerSecond, long Requests, long Non2xx, double P99Ms);

    public static bool Available() => File.Exists("/usr/bin/wrk") || (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(p => File.Exists(Path.Combine(p, "wrk")));

    public static async Task<Result> RunAsync(Uri target, string script, int connections, TimeSpan duration, Action? whileRunning = null)
    {
        var start = new ProcessStartInfo("wrk", ["-t2", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency", "-s", script, target.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var wrk = Process.Start(start)!;
        var output = wrk.StandardOutput.ReadToEndAsync();
        while (!wrk.HasExited)
        {
            whileRunning?.Invoke();
            await Task.Delay(100);
        }
        var text = await output;
        var rps = double.Parse(Rps().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
        var requests = long.Parse(Requests().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
        var non2xx = Non2xx().Match(text) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new Result(rps, requests, non2xx, Millis(P99().Match(text)));
    }

    public static string Script(IReadOnlyList<string> bodies)
    {
        var path = Path.Combine(Path.GetTempPath(), $"clicktrace-wrk-{Environment.ProcessId}.lua");
        // Each wrk thread starts half-way through the bodies from the other, so the same body (the same event
        // ids) is never sent by both at once: the shipper drops a repeat inside one insert.
        var lua = "local bodies = {\n" + string.Join(",\n", bodies.Select(b => $"[==[{b}]==]")) + "\n}\n" +
                  "local threads = 0\nfunction setup(thread)\n  thread:set(\"start\", threads * math.floor(#bodies / 2))\n  threads = threads + 1\nend\n" +
                  "function init(args)\n  i = start or 0\nend\n" +
                  "request = function()\n  i = i % #bodies + 1\n  return wrk.format(\"POST\", \"/api/collect\", {[\"Content-Type\"] = \"text/plain\"}, bodies[i])\nend\n";
        File.WriteAllText(path, lua);
        return path;
    }

    private static double Millis(Match match)
    {
        if (!match.Success) return double.NaN;
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "ms" => value, "s" => value * 1000, _ => double.NaN };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex Rps();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"99%\s+([\d.]+)(us|ms|s)")]
    private static partial Regex P99();
}
