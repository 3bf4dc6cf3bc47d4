using System.Runtime.InteropServices;
using System.Text;
using ClickTrace.Storage.Embedded.Native;

namespace ClickTrace.Storage.Embedded;

/// <summary>
/// One native chDB connection. It runs one statement at a time: callers must not share it between
/// threads without serializing (<see cref="EmbeddedClickHouse"/> pools them for that reason).
/// </summary>
internal sealed unsafe class ChdbConnection : IDisposable
{
    private readonly ChdbConnectionHandle _handle;

    public ChdbConnection(ChdbConnectionHandle handle) => _handle = handle;

    /// <summary>Runs a statement and returns its raw output in <paramref name="format"/>; throws on engine errors.</summary>
    public ChdbResultHandle Query(string sql, string format, QueryParameters? parameters)
    {
        using var args = new NativeArgs(sql, format, parameters);
        var result = new ChdbResultHandle(ChdbNative.QueryWithParams(
            _handle.Connection, args.Sql, args.SqlLength, args.Format, args.FormatLength,
            args.Names, args.NameLengths, args.Values, args.ValueLengths, args.Count));
        ThrowIfFailed(result);
        return result;
    }

    /// <summary>Streams pre-encoded rows into an INSERT (statement without FORMAT); returns rows written.</summary>
    public ulong Insert(string insertSql, string format, ReadOnlySpan<byte> data, QueryParameters? parameters)
    {
        ChdbInsertStreamHandle stream;
        using (var args = new NativeArgs(insertSql, format, parameters))
        {
            stream = new ChdbInsertStreamHandle(ChdbNative.StreamInsert(
                _handle.Connection, args.Sql, args.SqlLength, args.Format, args.FormatLength,
                args.Names, args.NameLengths, args.Values, args.ValueLengths, args.Count));
        }
        using (stream)
        {
            if (stream.IsInvalid) throw new ClickHouseException(0, null, "chDB could not start the insert.");
            if (stream.Error is { } startError) throw ClickHouseException.FromEngineMessage(startError);
            fixed (byte* pointer = data)
            {
                if (data.Length > 0 && ChdbNative.StreamAppend(stream.DangerousGetHandle(), pointer, (nuint)data.Length) != 0)
                    throw ClickHouseException.FromEngineMessage(stream.Error ?? "chDB refused the inserted data.");
            }
            using var done = new ChdbResultHandle(ChdbNative.StreamDone(stream.DangerousGetHandle()));
            ThrowIfFailed(done);
            return done.RowsWritten;
        }
    }

    private static void ThrowIfFailed(ChdbResultHandle result)
    {
        if (result.Error is { } error)
        {
            result.Dispose();
            throw ClickHouseException.FromEngineMessage(error);
        }
    }

    public void Dispose() => ChdbProcess.Close(_handle);

    /// <summary>UTF-8 copies of the statement, format and parameters, pinned for one native call.</summary>
    private sealed class NativeArgs : IDisposable
    {
        private readonly List<GCHandle> _pins = [];
        private readonly nint _block;

        public NativeArgs(string sql, string format, QueryParameters? parameters)
        {
            Sql = Pin(sql, out var sqlLength);
            SqlLength = sqlLength;
            Format = Pin(format, out var formatLength);
            FormatLength = formatLength;
            var count = parameters?.Count ?? 0;
            Count = (nuint)count;
            // One native block holds the four parallel arrays chdb_*_with_params_n expects.
            _block = (nint)NativeMemory.Alloc((nuint)Math.Max(1, count * 4), (nuint)sizeof(nint));
            Names = (byte**)_block;
            NameLengths = (nuint*)(Names + count);
            Values = (byte**)(NameLengths + count);
            ValueLengths = (nuint*)(Values + count);
            var i = 0;
            foreach (var (name, value) in parameters ?? [])
            {
                Names[i] = Pin(name, out NameLengths[i]);
                Values[i] = Pin(value, out ValueLengths[i]);
                i++;
            }
        }

        public byte* Sql { get; }
        public nuint SqlLength { get; }
        public byte* Format { get; }
        public nuint FormatLength { get; }
        public byte** Names { get; }
        public nuint* NameLengths { get; }
        public byte** Values { get; }
        public nuint* ValueLengths { get; }
        public nuint Count { get; }

        private byte* Pin(string text, out nuint length)
        {
            var bytes = Encoding.UTF8.GetBytes(text + '\0');
            var pin = GCHandle.Alloc(bytes, GCHandleType.Pinned);
            _pins.Add(pin);
            length = (nuint)(bytes.Length - 1);
            return (byte*)pin.AddrOfPinnedObject();
        }

        public void Dispose()
        {
            foreach (var pin in _pins) pin.Free();
            NativeMemory.Free((void*)_block);
        }
    }
}
