using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace ClickTrace.Collector.Tests.Log;

/// <summary>The real ClickTrace server in a child process, on a loopback port, storing into a given folder.</summary>
internal sealed class CollectorProcess : IDisposable
{
    private readonly Process _process;

    private CollectorProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
    }

    public Uri Address { get; }
    public HttpClient Http { get; }

    public static async Task<CollectorProcess> StartAsync(string dataPath)
    {
        var server = typeof(CollectorProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ServerAssembly").Value!;
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [server, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(server)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ClickTrace__Storage__DataPath"] = dataPath,
                ["ClickTrace__Collector__ShipInterval"] = "00:00:00.050",
                ["ClickTrace__Collector__ShipBatchSize"] = "2000",
                ["Logging__LogLevel__Default"] = "Warning",
                ["ClickTrace__Collector__RateLimits__ClientRequestsPerSecond"] = "0",
                ["ClickTrace__Collector__RateLimits__SiteEventsPerSecond"] = "0",
            },
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var child = new CollectorProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited) throw new InvalidOperationException($"The collector exited with code {process.ExitCode} while starting.");
            try
            {
                // Hosted services (migrations, the demo site) have started before the server answers.
                using var ready = await child.Http.GetAsync("ready");
                if (ready.IsSuccessStatusCode) return child;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
        child.Dispose();
        throw new TimeoutException("The collector did not become ready within 60 s.");
    }

    /// <summary>Waits until the collector's log is entirely in ClickHouse (its unshipped_bytes gauge is 0); false on timeout.</summary>
    public async Task<bool> WaitUntilShippedAsync(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            var metrics = await Http.GetStringAsync("metrics");
            if (metrics.Split('\n').Any(l => l == "clicktrace_collector_log_unshipped_bytes 0")) return true;
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
        return false;
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>SIGTERM: a clean stop, which ships what the log holds.</summary>
    public async Task StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill!.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Http.Dispose();
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
    }
}
