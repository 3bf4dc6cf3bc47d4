using System.Buffers.Binary;
using System.Text;

namespace ClickTrace.Storage.RowBinary;

/// <summary>
/// Decodes ClickHouse's RowBinaryWithNamesAndTypes output into .NET values: integers, floats, strings,
/// dates (as UTC <see cref="DateTime"/>), UUIDs, Bool, and Nullable, Array, LowCardinality of those.
/// </summary>
public static class RowBinaryReader
{
    public static QueryResult Read(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) return QueryResult.Empty;
        var cursor = new RowBinaryCursor(data);
        var count = checked((int)cursor.VarUInt());
        var names = new string[count];
        var types = new string[count];
        for (var i = 0; i < count; i++) names[i] = cursor.String();
        for (var i = 0; i < count; i++) types[i] = cursor.String();
        var decoders = types.Select(ColumnType.Parse).ToArray();
        var rows = new List<object?[]>();
        while (!cursor.AtEnd)
        {
            var row = new object?[count];
            for (var i = 0; i < count; i++) row[i] = Value(ref cursor, decoders[i]);
            rows.Add(row);
        }
        return new QueryResult(names, types, rows);
    }

    private static object? Value(ref RowBinaryCursor cursor, ColumnType type) => type.Kind switch
    {
        ColumnKind.Nullable => cursor.Take(1)[0] != 0 ? null : Value(ref cursor, type.Element!),
        ColumnKind.Array => Array(ref cursor, type.Element!),
        ColumnKind.UInt8 => cursor.UInt8(),
        ColumnKind.Bool => cursor.Bool(),
        ColumnKind.Int8 => (sbyte)cursor.UInt8(),
        ColumnKind.UInt16 => cursor.UInt16(),
        ColumnKind.Int16 => BinaryPrimitives.ReadInt16LittleEndian(cursor.Take(2)),
        ColumnKind.UInt32 => cursor.UInt32(),
        ColumnKind.Int32 => cursor.Int32(),
        ColumnKind.UInt64 => cursor.UInt64(),
        ColumnKind.Int64 => cursor.Int64(),
        ColumnKind.Float32 => BinaryPrimitives.ReadSingleLittleEndian(cursor.Take(4)),
        ColumnKind.Float64 => BinaryPrimitives.ReadDoubleLittleEndian(cursor.Take(8)),
        ColumnKind.String => cursor.String(),
        ColumnKind.FixedString => Encoding.UTF8.GetString(cursor.Take(type.Size)).TrimEnd('\0'),
        ColumnKind.Date => DateTime.UnixEpoch.AddDays(cursor.UInt16()),
        ColumnKind.Date32 => DateTime.UnixEpoch.AddDays(cursor.Int32()),
        ColumnKind.DateTime => DateTime.UnixEpoch.AddSeconds(cursor.UInt32()),
        ColumnKind.DateTime64 => DateTime.UnixEpoch.AddTicks(cursor.Int64() * (long)Math.Pow(10, 7 - type.Size)),
        ColumnKind.Uuid => cursor.Uuid(),
        ColumnKind.Enum8 => type.EnumNames![(sbyte)cursor.UInt8()],
        ColumnKind.Enum16 => type.EnumNames![BinaryPrimitives.ReadInt16LittleEndian(cursor.Take(2))],
        _ => throw new NotSupportedException($"Column type '{type.Name}' is not supported by the RowBinary reader."),
    };

    private static object?[] Array(ref RowBinaryCursor cursor, ColumnType element)
    {
        var values = new object?[checked((int)cursor.VarUInt())];
        for (var i = 0; i < values.Length; i++) values[i] = Value(ref cursor, element);
        return values;
    }
}
