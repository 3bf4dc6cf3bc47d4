using System.Runtime.InteropServices;

namespace ClickTrace.Storage.Embedded.Native;

/// <summary>Owns a chdb_result*; the result buffer is valid until this handle is disposed.</summary>
internal sealed class ChdbResultHandle : SafeHandle
{
    public ChdbResultHandle(nint result) : base(0, ownsHandle: true) => SetHandle(result);

    public override bool IsInvalid => handle == 0;

    public string? Error => IsInvalid ? "chDB returned no result" : ChdbNative.ReadString(ChdbNative.ResultError(handle));

    public unsafe ReadOnlySpan<byte> Buffer
    {
        get
        {
            var pointer = ChdbNative.ResultBuffer(handle);
            var length = checked((int)ChdbNative.ResultLength(handle));
            return pointer == null ? [] : new ReadOnlySpan<byte>(pointer, length);
        }
    }

    public ulong RowsWritten => ChdbNative.ResultRowsWritten(handle);

    public ulong RowsRead => ChdbNative.ResultRowsRead(handle);

    protected override bool ReleaseHandle()
    {
        ChdbNative.DestroyResult(handle);
        return true;
    }
}
