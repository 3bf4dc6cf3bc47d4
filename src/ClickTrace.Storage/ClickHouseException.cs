using System.Text.RegularExpressions;

namespace ClickTrace.Storage;

/// <summary>An error reported by the ClickHouse engine, with its numeric code and symbolic name.</summary>
public sealed partial class ClickHouseException : Exception
{
    public ClickHouseException(int code, string? name, string message) : base(message)
    {
        Code = code;
        Name = name;
    }

    /// <summary>ClickHouse's error code (e.g. 60 for UNKNOWN_TABLE); 0 when the engine gave none.</summary>
    public int Code { get; }

    /// <summary>ClickHouse's error name (e.g. "UNKNOWN_TABLE"), when the message carries one.</summary>
    public string? Name { get; }

    /// <summary>Parses the engine's "Code: N. DB::Exception: ... (NAME)" message.</summary>
    public static ClickHouseException FromEngineMessage(string message)
    {
        var text = message.Trim();
        var code = CodePattern().Match(text);
        var name = NamePattern().Match(text);
        return new ClickHouseException(
            code.Success ? int.Parse(code.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
            name.Success ? name.Groups[1].Value : null,
            text);
    }

    [GeneratedRegex(@"^Code: (\d+)\.")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"\(([A-Z][A-Z0-9_]+)\)(?: \(version [^)]*\))?\s*$")]
    private static partial Regex NamePattern();
}
