using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClickTrace.Collector.Enrichment;

/// <summary>
/// The visitor's country from the request's IP, which is looked up and forgotten (only the two letters are
/// kept). The ranges load in the background at start; until then, or without the data files
/// (<see cref="CollectorOptions.CountryData"/>), the country is "" (unknown).
/// </summary>
public sealed partial class CountryLookup
{
    /// <summary>The files of the DB-IP package, beside the app by default.</summary>
    public const string Ipv4File = "dbip-country-ipv4-num.csv", Ipv6File = "dbip-country-ipv6-num.csv";

    private volatile CountryRanges _ranges = CountryRanges.Empty;

    // The files are read once per process and folder: the ranges never change while it runs, and a host that
    // builds several apps (tests, a collector and a dashboard in one process) shares them.
    private static readonly ConcurrentDictionary<string, Lazy<CountryRanges>> Loads = new(StringComparer.Ordinal);

    public CountryLookup(IOptions<CollectorOptions> options, ILogger<CountryLookup> logger)
    {
        var folder = options.Value.CountryData ?? Path.Combine(AppContext.BaseDirectory, "dbip-country");
        Loaded = options.Value.Countries ? Task.Run(() => Load(folder, logger)) : Task.CompletedTask;
    }

    /// <summary>Over ranges already loaded (tests).</summary>
    internal CountryLookup(CountryRanges ranges)
    {
        _ranges = ranges;
        Loaded = Task.CompletedTask;
    }

    /// <summary>Completes when the ranges are loaded, or could not be.</summary>
    public Task Loaded { get; }

    /// <summary>Ranges known (0 before they load, or without data).</summary>
    public int Ranges => _ranges.Count;

    public string Find(IPAddress? address) => _ranges.Find(address);

    private void Load(string folder, ILogger logger)
    {
        var load = Loads.GetOrAdd(Path.GetFullPath(folder), full => new Lazy<CountryRanges>(() =>
            CountryRanges.Parse(File.ReadLines(Path.Combine(full, Ipv4File)), File.ReadLines(Path.Combine(full, Ipv6File)))));
        try
        {
            _ranges = load.Value;
            LogLoaded(logger, _ranges.Count, folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Loads.TryRemove(new KeyValuePair<string, Lazy<CountryRanges>>(Path.GetFullPath(folder), load)); // the files may appear later
            LogMissing(logger, e, folder);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Countries: {Count} IP ranges loaded from {Folder} (IP Geolocation by DB-IP).")]
    private static partial void LogLoaded(ILogger logger, int count, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Countries: no IP ranges in {Folder}; events are stored without a country.")]
    private static partial void LogMissing(ILogger logger, Exception exception, string folder);
}
