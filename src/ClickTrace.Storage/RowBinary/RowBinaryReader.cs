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
        var cursor = new Cursor(data);
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
            for (var i = 0; i < count; i++) row[i] = cursor.Value(decoders[i]);
            rows.Add(row);
        }
        return new QueryResult(names, types, rows);
    }

    private ref struct Cursor(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _at;

        public readonly bool AtEnd => _at >= _data.Length;

        private ReadOnlySpan<byte> Take(int length)
        {
            if (_at + length > _data.Length) throw new FormatException("RowBinary data ended inside a value.");
            var span = _data.Slice(_at, length);
            _at += length;
            return span;
        }

        public ulong VarUInt()
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = Take(1)[0];
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80) return value;
            }
            throw new FormatException("RowBinary length prefix is too long.");
        }

        public string String() => Encoding.UTF8.GetString(Take(checked((int)VarUInt())));

        public object? Value(ColumnType type) => type.Kind switch
        {
            ColumnKind.Nullable => Take(1)[0] != 0 ? null : Value(type.Element!),
            ColumnKind.Array => Array(type.Element!),
            ColumnKind.UInt8 => Take(1)[0],
            ColumnKind.Bool => Take(1)[0] != 0,
            ColumnKind.Int8 => (sbyte)Take(1)[0],
            ColumnKind.UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(Take(2)),
            ColumnKind.Int16 => BinaryPrimitives.ReadInt16LittleEndian(Take(2)),
            ColumnKind.UInt32 => BinaryPrimitives.ReadUInt32LittleEndian(Take(4)),
            ColumnKind.Int32 => BinaryPrimitives.ReadInt32LittleEndian(Take(4)),
            ColumnKind.UInt64 => BinaryPrimitives.ReadUInt64LittleEndian(Take(8)),
            ColumnKind.Int64 => BinaryPrimitives.ReadInt64LittleEndian(Take(8)),
            ColumnKind.Float32 => BinaryPrimitives.ReadSingleLittleEndian(Take(4)),
            ColumnKind.Float64 => BinaryPrimitives.ReadDoubleLittleEndian(Take(8)),
            ColumnKind.String => String(),
            ColumnKind.FixedString => Encoding.UTF8.GetString(Take(type.Size)).TrimEnd('\0'),
            ColumnKind.Date => DateTime.UnixEpoch.AddDays(BinaryPrimitives.ReadUInt16LittleEndian(Take(2))),
            ColumnKind.Date32 => DateTime.UnixEpoch.AddDays(BinaryPrimitives.ReadInt32LittleEndian(Take(4))),
            ColumnKind.DateTime => DateTime.UnixEpoch.AddSeconds(BinaryPrimitives.ReadUInt32LittleEndian(Take(4))),
            ColumnKind.DateTime64 => DateTime.UnixEpoch.AddTicks(
                BinaryPrimitives.ReadInt64LittleEndian(Take(8)) * (long)Math.Pow(10, 7 - type.Size)),
            ColumnKind.Uuid => Uuid(),
            ColumnKind.Enum8 => type.EnumNames![(sbyte)Take(1)[0]],
            ColumnKind.Enum16 => type.EnumNames![BinaryPrimitives.ReadInt16LittleEndian(Take(2))],
            _ => throw new NotSupportedException($"Column type '{type.Name}' is not supported by the RowBinary reader."),
        };

        private object?[] Array(ColumnType element)
        {
            var values = new object?[checked((int)VarUInt())];
            for (var i = 0; i < values.Length; i++) values[i] = Value(element);
            return values;
        }

        private Guid Uuid()
        {
            Span<byte> bigEndian = stackalloc byte[16];
            BinaryPrimitives.WriteUInt64BigEndian(bigEndian, BinaryPrimitives.ReadUInt64LittleEndian(Take(8)));
            BinaryPrimitives.WriteUInt64BigEndian(bigEndian[8..], BinaryPrimitives.ReadUInt64LittleEndian(Take(8)));
            return new Guid(bigEndian, bigEndian: true);
        }
    }
}
