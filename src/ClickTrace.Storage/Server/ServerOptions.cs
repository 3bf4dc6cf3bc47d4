using System.ComponentModel.DataAnnotations;
using ClickHouse.Driver.ADO;

namespace ClickTrace.Storage.Server;

/// <summary>
/// How to reach a ClickHouse server or cluster (section <c>ClickTrace:Storage:Server</c>), used when
/// <see cref="StorageOptions.Mode"/> is <see cref="StorageMode.Server"/>. The database is
/// <see cref="StorageOptions.Database"/>, whatever the connection string says.
/// </summary>
public sealed class ServerOptions
{
    /// <summary>
    /// ClickHouse.Driver's connection string, e.g. <c>Host=ch.internal;Port=8443;Protocol=https;Username=clicktrace</c>.
    /// Keys: Host, Port (8123, or 8443 with https), Protocol (http or https), Username, Password, Compression,
    /// Timeout (seconds). Keep the password out of it: <see cref="Password"/> takes it from its own variable.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The password, best set as the environment variable <c>ClickTrace__Storage__Server__Password</c>; it
    /// replaces any password in <see cref="ConnectionString"/> and is never logged.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>Longest a statement may take, sent as <c>max_execution_time</c> and used as the HTTP timeout (which allows as long again, at most 30 s more). Default 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Attempts after the first when the server cannot be reached or reports a transient error (too many parts,
    /// a replica read-only while Keeper is away, a network error). Default 4. Inserts are retried only with a
    /// deduplication token, so a retry never stores a batch twice.
    /// </summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first retry's delay; each next one doubles, up to 30 s. Default 200 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:30")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The driver's settings from <see cref="ConnectionString"/> and <see cref="Password"/>, without a database.</summary>
    internal ClickHouseClientSettings ClientSettings()
    {
        var builder = new ClickHouseConnectionStringBuilder(ConnectionString ?? "");
        if (!string.IsNullOrEmpty(Password)) builder.Password = Password;
        return new ClickHouseClientSettings(builder.ToSettings())
        {
            Database = null,                                // every statement names ClickTrace's database itself
            // The server's own limit answers first; past this the answer is lost and the call retried (with its token).
            Timeout = Timeout + TimeSpan.FromTicks(Math.Min(Timeout.Ticks, TimeSpan.FromSeconds(30).Ticks)),
        };
    }

    /// <summary>What is wrong with these options, each naming its setting; never echoes a password.</summary>
    internal IEnumerable<string> Problems()
    {
        const string key = "ClickTrace:Storage:Server:ConnectionString";
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return $"{key} is required when ClickTrace:Storage:Mode is Server, e.g. 'Host=clickhouse.internal;Port=8123;Username=clicktrace'.";
            yield break;
        }
        var builder = Parse(ConnectionString);
        if (builder is null)
        {
            // The driver's message may quote the string, password and all: it is not repeated.
            yield return $"{key} could not be read: write it as Key=Value pairs separated by ';' (Host, Port, Protocol, Username, Password, Compression, Timeout).";
            yield break;
        }
        if (!builder.TryGetValue("Host", out var host) || string.IsNullOrWhiteSpace(Convert.ToString(host, System.Globalization.CultureInfo.InvariantCulture)))
            yield return $"{key} names no Host.";
        // The driver falls back to its defaults on a value it cannot read; a typo must not silently mean 8123.
        if (builder.TryGetValue("Port", out var port) && !ushort.TryParse(Convert.ToString(port, System.Globalization.CultureInfo.InvariantCulture), out var number) | number == 0)
            yield return $"{key} has Port '{port}': use a number from 1 to 65535.";
        if (builder.TryGetValue("Timeout", out var timeout) && !int.TryParse(Convert.ToString(timeout, System.Globalization.CultureInfo.InvariantCulture), out _))
            yield return $"{key} has Timeout '{timeout}': use whole seconds.";
        if (builder.Protocol is not ("http" or "https"))
            yield return $"{key} has Protocol '{builder.Protocol}': use http or https.";
    }

    private static ClickHouseConnectionStringBuilder? Parse(string connectionString)
    {
        try
        {
            var builder = new ClickHouseConnectionStringBuilder(connectionString);
            _ = (builder.Port, builder.Timeout, builder.Compression, builder.Protocol);
            _ = builder.ToSettings();
            return builder;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException or InvalidOperationException)
        {
            return null;
        }
    }
}
