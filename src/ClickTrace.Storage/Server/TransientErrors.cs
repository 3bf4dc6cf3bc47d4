using System.Net.Sockets;
using ClickHouse.Driver;

namespace ClickTrace.Storage.Server;

/// <summary>Which failures of a server call are worth another attempt, and how long to wait before it.</summary>
internal static class TransientErrors
{
    /// <summary>
    /// ClickHouse codes that say "not now" rather than "never": too many simultaneous queries (202), no free
    /// connection (203), socket timeout (209), network error (210), Keeper unavailable (225, 999), memory limit
    /// (241), table read-only while its replica reconnects (242), too many parts (252), too few live replicas
    /// (285), unknown status of an insert (319), system error (425), cannot schedule a task (439), and an
    /// unexpected end of the stream (3).
    /// </summary>
    private static readonly HashSet<int> Codes = [3, 202, 203, 209, 210, 225, 241, 242, 252, 285, 319, 425, 439, 999];

    public static bool IsTransient(Exception error, CancellationToken cancellationToken) => error switch
    {
        _ when cancellationToken.IsCancellationRequested => false,
        ClickHouseException e => Codes.Contains(e.Code) || (e.Code == 0 && e.Name is null),
        HttpRequestException => true,                   // refused, reset, DNS: the request may not have arrived
        TaskCanceledException => true,                  // the HTTP timeout, not the caller's token
        IOException or SocketException => true,
        _ => false,
    };

    /// <summary>The delay before attempt <paramref name="attempt"/> (1 = the first retry): doubling from <paramref name="first"/>, at most 30 s.</summary>
    public static TimeSpan Delay(TimeSpan first, int attempt) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(30).Ticks, first.Ticks * (1L << Math.Min(attempt - 1, 20))));

    /// <summary>The driver's server error as ClickTrace's, code and name parsed from the engine's message.</summary>
    public static Exception Translate(Exception error) => error switch
    {
        ClickHouseServerException server => FromServer(server),
        _ => error,
    };

    // A body without "Code: N." came from something in front of ClickHouse (a proxy, a load balancer): code 0.
    private static ClickHouseException FromServer(ClickHouseServerException server) => ClickHouseException.FromEngineMessage(server.Message);
}
