using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace ClickTrace.Storage.RowBinary;

/// <summary>
/// Encodes values in ClickHouse's RowBinary format (little-endian, LEB128 string lengths), the cheapest
/// way to hand rows to the engine. LowCardinality(T) columns are written as T.
/// </summary>
public sealed class RowBinaryWriter(IBufferWriter<byte> output)
{
    public void UInt8(byte value) { var span = output.GetSpan(1); span[0] = value; output.Advance(1); }
    public void Bool(bool value) => UInt8(value ? (byte)1 : (byte)0);

    public void UInt16(ushort value) { BinaryPrimitives.WriteUInt16LittleEndian(output.GetSpan(2), value); output.Advance(2); }
    public void UInt32(uint value) { BinaryPrimitives.WriteUInt32LittleEndian(output.GetSpan(4), value); output.Advance(4); }
    public void UInt64(ulong value) { BinaryPrimitives.WriteUInt64LittleEndian(output.GetSpan(8), value); output.Advance(8); }
    public void Int32(int value) { BinaryPrimitives.WriteInt32LittleEndian(output.GetSpan(4), value); output.Advance(4); }
    public void Int64(long value) { BinaryPrimitives.WriteInt64LittleEndian(output.GetSpan(8), value); output.Advance(8); }
    public void Float64(double value) { BinaryPrimitives.WriteDoubleLittleEndian(output.GetSpan(8), value); output.Advance(8); }

    /// <summary>A DateTime64(3) value: milliseconds since the Unix epoch.</summary>
    public void DateTime64Millis(DateTimeOffset value) => Int64(value.ToUnixTimeMilliseconds());

    /// <summary>A String value: LEB128 byte length, then UTF-8 bytes.</summary>
    public void String(string? value)
    {
        value ??= "";
        var length = Encoding.UTF8.GetByteCount(value);
        VarUInt((ulong)length);
        var span = output.GetSpan(length);
        Encoding.UTF8.GetBytes(value, span);
        output.Advance(length);
    }

    /// <summary>A UUID value: the high and the low 64 bits of the canonical form, each little-endian.</summary>
    public void Uuid(Guid value)
    {
        Span<byte> bigEndian = stackalloc byte[16];
        value.TryWriteBytes(bigEndian, bigEndian: true, out _);
        UInt64(BinaryPrimitives.ReadUInt64BigEndian(bigEndian));
        UInt64(BinaryPrimitives.ReadUInt64BigEndian(bigEndian[8..]));
    }

    public void VarUInt(ulong value)
    {
        var span = output.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        span[i++] = (byte)value;
        output.Advance(i);
    }

    /// <summary>An Array(String) value.</summary>
    /// <summary>Decimal64(<paramref name="scale"/>): the value times 10^scale as an Int64, rounded half away from zero.</summary>
    public void Decimal64(decimal value, int scale)
    {
        var scaled = Math.Round(value * (decimal)Math.Pow(10, scale), MidpointRounding.AwayFromZero);
        Int64(decimal.ToInt64(Math.Clamp(scaled, long.MinValue, long.MaxValue)));
    }

    /// <summary>Map(String, String): the pair count, then each key and value.</summary>
    public void StringMap(IReadOnlyDictionary<string, string> values)
    {
        VarUInt((ulong)values.Count);
        foreach (var (key, value) in values)
        {
            String(key);
            String(value);
        }
    }

    public void StringArray(IReadOnlyList<string> values)
    {
        VarUInt((ulong)values.Count);
        foreach (var value in values) String(value);
    }
}
