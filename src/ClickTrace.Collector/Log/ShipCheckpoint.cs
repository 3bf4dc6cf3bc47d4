using System.Globalization;

namespace ClickTrace.Collector.Log;

/// <summary>
/// How far the shipper got: <see cref="Shipped"/> is the first record not yet in ClickHouse. Before an
/// insert the shipper records its range as <see cref="Inflight"/>; after a crash that range is shipped
/// again, exactly as before and with the same deduplication token, so ClickHouse keeps it once.
/// Saved by write-to-temp, fsync, rename: a crash leaves the old or the new file, never half of one.
/// </summary>
public sealed record ShipCheckpoint(LogPosition Shipped, (LogPosition From, LogPosition To)? Inflight)
{
    private const string FileName = "checkpoint";

    /// <summary>The deduplication token of a range: the same range always gets the same token.</summary>
    public static string TokenOf(LogPosition from, LogPosition to) => $"wal-{from.Segment}.{from.Offset}-{to.Segment}.{to.Offset}";

    public static ShipCheckpoint? Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return null;
        var numbers = File.ReadAllText(path).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(n => long.Parse(n, CultureInfo.InvariantCulture)).ToArray();
        return numbers.Length switch
        {
            2 => new ShipCheckpoint(new LogPosition(numbers[0], numbers[1]), null),
            6 => new ShipCheckpoint(new LogPosition(numbers[0], numbers[1]), (new LogPosition(numbers[2], numbers[3]), new LogPosition(numbers[4], numbers[5]))),
            _ => throw new FormatException($"The shipper checkpoint {path} is damaged."),
        };
    }

    public void Save(string folder)
    {
        var text = FormattableString.Invariant($"{Shipped.Segment} {Shipped.Offset}\n");
        if (Inflight is var (from, to)) text += FormattableString.Invariant($"{from.Segment} {from.Offset} {to.Segment} {to.Offset}\n");
        var temp = Path.Combine(folder, FileName + ".tmp");
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096))
        {
            file.Write(System.Text.Encoding.ASCII.GetBytes(text));
            file.Flush(flushToDisk: true);
        }
        File.Move(temp, Path.Combine(folder, FileName), overwrite: true);
    }
}
