using System.Net;
using System.Net.Http.Json;
using ClickTrace.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ClickTrace.Server.Tests.Hosting;

/// <summary>
/// The real ClickTrace host on a real Kestrel bound to 127.0.0.1 and a free port, storing into its own
/// database of the test process's engine folder. Pass the same database to a second app to test a restart.
/// </summary>
public sealed class ClickTraceApp : WebApplicationFactory<Program>
{
    public ClickTraceApp() : this(TestEngine.UniqueDatabaseName("app")) { }

    public ClickTraceApp(string database, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        Database = database;
        _settings = settings ?? new Dictionary<string, string>();
        _services = services;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies }) { BaseAddress = BaseAddress };
        Anonymous = new HttpClient { BaseAddress = BaseAddress };
        var collector = _settings.TryGetValue("ClickTrace:Role", out var role) && role.Equals("collector", StringComparison.OrdinalIgnoreCase);
        if (!collector && !(_settings.TryGetValue(NoSignIn, out var skip) && skip == "true"))
            SignIn.InAsync(this).GetAwaiter().GetResult();
    }

    /// <summary>A setting ("true") that leaves the fresh database without an admin: the first-run form is the test's to send.</summary>
    public const string NoSignIn = "Test:NoSignIn";

    /// <summary>The test admin's name and password (created on the first start of a database, signed in with after).</summary>
    public const string AdminName = "admin";
    public const string AdminPassword = "correct horse battery";

    /// <summary>The cookies of <see cref="Http"/>: the antiforgery and the sign-in cookie.</summary>
    public CookieContainer Cookies { get; } = new();

    /// <summary>A client that is not signed in.</summary>
    public HttpClient Anonymous { get; }

    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <summary>The app's error-level log entries.</summary>
    public ErrorLog Errors { get; } = new();

    public string Database { get; }

    /// <summary>http://127.0.0.1:PORT/ — a real socket, reachable from a browser.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A plain client over the socket (no in-memory test server).</summary>
    public HttpClient Http { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ClickTrace:Storage:DataPath", TestEngine.StoragePath);
        builder.UseSetting("ClickTrace:Storage:Database", Database);
        builder.UseSetting("ClickTrace:Collector:ShipInterval", "00:00:00.100");
        // Tests post far faster than a visitor; the rate-limit tests turn the limits back on.
        builder.UseSetting("ClickTrace:Collector:RateLimits:ClientRequestsPerSecond", "0");
        builder.UseSetting("ClickTrace:Collector:RateLimits:SiteEventsPerSecond", "0");
        // Tests count what they send: no generated demo traffic unless a test asks for it.
        builder.UseSetting("ClickTrace:Demo:Traffic", "false");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Errors));
        if (_services is not null) builder.ConfigureTestServices(_services);
    }

    /// <summary>
    /// <see cref="Eventually.Until"/>, and on a timeout the collector's counters too, so that a failure can
    /// be told apart from a slow machine (were the events refused, dropped, or never sent?).
    /// </summary>
    public async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        try
        {
            return await Eventually.Until(probe, done, what);
        }
        catch (TimeoutException timeout)
        {
            var metrics = (await Http.GetStringAsync("/metrics")).Split('\n')
                .Where(l => (l.StartsWith("clicktrace_", StringComparison.Ordinal) && !l.Contains("_bucket", StringComparison.Ordinal)) ||
                            (l.Contains("collect", StringComparison.Ordinal) && l.Contains("+Inf", StringComparison.Ordinal)));
            throw new TimeoutException(timeout.Message + "\nCollector metrics:\n" + string.Join('\n', metrics) +
                "\nErrors logged by the app:\n" + string.Join('\n', Errors.Entries), timeout);
        }
    }

    /// <summary>Creates (or updates) a site through the API.</summary>
    public async Task CreateSiteAsync(string siteId, params string[] allowedOrigins)
    {
        using var response = await Http.PutAsJsonAsync($"/api/sites/{siteId}", new { name = $"Site {siteId}", allowedOrigins, timeZone = "UTC" });
        response.EnsureSuccessStatusCode();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Http.Dispose();
            Anonymous.Dispose();
        }
        base.Dispose(disposing);
    }
}
