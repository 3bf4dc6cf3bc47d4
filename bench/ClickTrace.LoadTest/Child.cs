using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ClickTrace.LoadTest;

/// <summary>A server under test in its own process, on a free loopback port.</summary>
internal sealed class Child : IAsyncDisposable
{
    private readonly Process _process;

    private Child(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }
    public Uri Collect => new(Address, "/api/collect");

    public static async Task<Child> StartAsync(string dll, string[] args, IDictionary<string, string> environment, string readyPath)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll, .. args, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine($"  [child] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var child = new Child(process, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(90); await Task.Delay(200))
        {
            if (process.HasExited) throw new InvalidOperationException($"{Path.GetFileName(dll)} exited with {process.ExitCode} while starting.");
            try
            {
                using var ready = await http.GetAsync(new Uri(child.Address, readyPath));
                if ((int)ready.StatusCode < 500) return child;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
        }
        throw new TimeoutException($"{Path.GetFileName(dll)} did not start.");
    }

    /// <summary>Resident memory now, in MiB, from /proc.</summary>
    public double RssMb() => Status("VmRSS:");

    /// <summary>Peak resident memory since start, in MiB.</summary>
    public double PeakRssMb() => Status("VmHWM:");

    private double Status(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
            return double.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])) await term!.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try { await _process.WaitForExitAsync(timeout.Token); } catch (OperationCanceledException) { _process.Kill(); }
        }
        _process.Dispose();
    }
}
