using System.Runtime.InteropServices;

namespace ClickTrace.Storage.Embedded.Native;

/// <summary>Owns the chdb_connection* returned by chdb_connect; closing it releases the connection.</summary>
internal sealed class ChdbConnectionHandle : SafeHandle
{
    public ChdbConnectionHandle() : base(0, ownsHandle: true) { }

    public override bool IsInvalid => handle == 0;

    /// <summary>The chdb_connection value the query functions take (the pointer chdb_connect returns, dereferenced).</summary>
    public nint Connection => Marshal.ReadIntPtr(handle);

    internal void Adopt(nint pointer) => SetHandle(pointer);

    protected override bool ReleaseHandle()
    {
        ChdbNative.CloseConnection(handle);
        return true;
    }
}
