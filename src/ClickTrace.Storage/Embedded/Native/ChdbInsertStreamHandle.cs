using System.Runtime.InteropServices;

namespace ClickTrace.Storage.Embedded.Native;

/// <summary>Owns a chdb_insert_stream; destroying it cancels the insert when it was not finalized.</summary>
internal sealed class ChdbInsertStreamHandle : SafeHandle
{
    public ChdbInsertStreamHandle(nint stream) : base(0, ownsHandle: true) => SetHandle(stream);

    public override bool IsInvalid => handle == 0;

    public string? Error => ChdbNative.ReadString(ChdbNative.StreamInsertError(handle));

    protected override bool ReleaseHandle()
    {
        ChdbNative.DestroyInsertStream(handle);
        return true;
    }
}
