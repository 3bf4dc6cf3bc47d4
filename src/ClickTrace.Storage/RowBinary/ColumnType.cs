using System.Globalization;

namespace ClickTrace.Storage.RowBinary;

internal enum ColumnKind
{
    UInt8, UInt16, UInt32, UInt64, Int8, Int16, Int32, Int64, Float32, Float64, Bool,
    String, FixedString, Date, Date32, DateTime, DateTime64, Uuid, Enum8, Enum16, Nullable, Array, Unsupported,
}

/// <summary>A parsed ClickHouse type name, as RowBinaryWithNamesAndTypes announces it.</summary>
internal sealed record ColumnType(string Name, ColumnKind Kind, ColumnType? Element = null, int Size = 0, IReadOnlyDictionary<int, string>? EnumNames = null)
{
    public static ColumnType Parse(string name)
    {
        var (head, inner) = Split(name);
        return head switch
        {
            "LowCardinality" => Parse(inner!) with { Name = name },
            "Nullable" => new(name, ColumnKind.Nullable, Parse(inner!)),
            "Array" => new(name, ColumnKind.Array, Parse(inner!)),
            "FixedString" => new(name, ColumnKind.FixedString, Size: int.Parse(inner!, CultureInfo.InvariantCulture)),
            "DateTime64" => new(name, ColumnKind.DateTime64, Size: int.Parse(inner!.Split(',')[0], CultureInfo.InvariantCulture)),
            "DateTime" => new(name, ColumnKind.DateTime),
            "Enum8" => new(name, ColumnKind.Enum8, EnumNames: EnumValues(inner!)),
            "Enum16" => new(name, ColumnKind.Enum16, EnumNames: EnumValues(inner!)),
            "UUID" => new(name, ColumnKind.Uuid),
            _ when Enum.TryParse<ColumnKind>(head, out var kind) && inner is null => new(name, kind),
            _ => new(name, ColumnKind.Unsupported),
        };
    }

    private static (string Head, string? Inner) Split(string name)
    {
        var open = name.IndexOf('(', StringComparison.Ordinal);
        return open < 0 || !name.EndsWith(')') ? (name, null) : (name[..open], name[(open + 1)..^1]);
    }

    private static Dictionary<int, string> EnumValues(string inner) =>
        inner.Split(", ").Select(part => part.Split(" = ")).ToDictionary(
            pair => int.Parse(pair[1], CultureInfo.InvariantCulture), pair => pair[0].Trim('\''));
}
