using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ClickTrace.Collector.Enrichment;

/// <summary>
/// IP ranges and their country (ISO 3166-1 alpha-2), sorted by their start, found by binary search. Built
/// from DB-IP's "IP to Country Lite" CSV files of numeric ranges ("start,end,CC" per line, inclusive).
/// </summary>
public sealed class CountryRanges
{
    private readonly UInt128[] _starts;
    private readonly UInt128[] _ends;
    private readonly ushort[] _countries;
    private readonly string[] _codes;

    private CountryRanges(UInt128[] starts, UInt128[] ends, ushort[] countries, string[] codes) =>
        (_starts, _ends, _countries, _codes) = (starts, ends, countries, codes);

    public static readonly CountryRanges Empty = new([], [], [], []);

    /// <summary>How many ranges are known.</summary>
    public int Count => _starts.Length;

    /// <summary>
    /// The ranges of <paramref name="ipv4"/> (numbers up to 2³²) and <paramref name="ipv6"/> lines; an IPv4 range is
    /// kept as its IPv4-mapped IPv6 range (::ffff:a.b.c.d), so one search serves both. Malformed lines are skipped.
    /// </summary>
    public static CountryRanges Parse(IEnumerable<string> ipv4, IEnumerable<string> ipv6)
    {
        var ranges = new List<(UInt128 Start, UInt128 End, string Code)>();
        foreach (var line in ipv4)
            if (Line(line) is { } r && r.End <= uint.MaxValue)
                ranges.Add((MappedV4 | r.Start, MappedV4 | r.End, r.Code));
        foreach (var line in ipv6)
            if (Line(line) is { } r && (r.Start & ~(UInt128)uint.MaxValue) != MappedV4)
                ranges.Add(r);
        ranges.Sort((a, b) => a.Start.CompareTo(b.Start));
        var codes = new List<string>();
        var index = new Dictionary<string, ushort>(StringComparer.Ordinal);
        var countries = new ushort[ranges.Count];
        for (var i = 0; i < ranges.Count; i++)
        {
            if (!index.TryGetValue(ranges[i].Code, out var c)) index[ranges[i].Code] = c = (ushort)codes.Count;
            if (c == codes.Count) codes.Add(ranges[i].Code);
            countries[i] = c;
        }
        return new([.. ranges.Select(r => r.Start)], [.. ranges.Select(r => r.End)], countries, [.. codes]);
    }

    /// <summary>The country of <paramref name="address"/>, or "" when no range holds it (private, loopback, unknown).</summary>
    public string Find(IPAddress? address)
    {
        if (address is null || _starts.Length == 0) return "";
        var key = Key(address);
        var i = Array.BinarySearch(_starts, key);
        if (i < 0) i = ~i - 1; // the last range that starts before the address
        return i >= 0 && key <= _ends[i] ? _codes[_countries[i]] : "";
    }

    private static readonly UInt128 MappedV4 = (UInt128)0xffff << 32;

    private static UInt128 Key(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork) address = address.MapToIPv6();
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    private static (UInt128 Start, UInt128 End, string Code)? Line(string line)
    {
        var parts = line.Split(',');
        return parts.Length == 3
            && UInt128.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && UInt128.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end)
            && start <= end && parts[2].Length == 2 && parts[2].All(char.IsAsciiLetterUpper)
            ? (start, end, parts[2])
            : null;
    }
}
