using System.Buffers.Binary;
using System.Text;

namespace ClickTrace.Storage.RowBinary;

/// <summary>Reads RowBinary values one after another, the inverse of <see cref="RowBinaryWriter"/>; data that ends inside a value is a <see cref="FormatException"/>.</summary>
public ref struct RowBinaryCursor(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _at;

    public readonly bool AtEnd => _at >= _data.Length;

    public ReadOnlySpan<byte> Take(int length)
    {
        if (length < 0 || _at + length > _data.Length) throw new FormatException("RowBinary data ended inside a value.");
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

    public byte UInt8() => Take(1)[0];
    public bool Bool() => Take(1)[0] != 0;
    public ushort UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));
    public uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));
    public ulong UInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));
    public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));
    public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public string String() => Encoding.UTF8.GetString(Take(checked((int)VarUInt())));

    /// <summary>A DateTime64(3) value.</summary>
    public DateTimeOffset DateTime64Millis() => DateTimeOffset.FromUnixTimeMilliseconds(Int64());

    /// <summary>Decimal64(<paramref name="scale"/>).</summary>
    public decimal Decimal64(int scale) => Int64() / (decimal)Math.Pow(10, scale);

    /// <summary>Map(String, String).</summary>
    public Dictionary<string, string> StringMap()
    {
        var count = checked((int)VarUInt());
        var map = new Dictionary<string, string>(Math.Min(count, 1024));
        for (var i = 0; i < count; i++) map[String()] = String();
        return map;
    }

    public Guid Uuid()
    {
        Span<byte> bigEndian = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bigEndian, UInt64());
        BinaryPrimitives.WriteUInt64BigEndian(bigEndian[8..], UInt64());
        return new Guid(bigEndian, bigEndian: true);
    }
}
