using System.Runtime.InteropServices;

namespace ClickTrace.Collector.Log;

/// <summary>
/// fdatasync on Linux: the file's data (and its size, if it changed) reach the disk, not its times. .NET's
/// <see cref="FileStream.Flush(bool)"/> calls fsync, which also commits the modification time to the
/// journal on every write. Elsewhere (macOS has no fdatasync) both are fsync.
/// </summary>
internal static partial class DataSync
{
    /// <summary>fdatasync: the data written (and the size, if it changed).</summary>
    public static void Flush(Microsoft.Win32.SafeHandles.SafeFileHandle handle) => Sync(handle, data: true);

    /// <summary>fsync: data and metadata, without going through a <see cref="FileStream"/> (safe beside another thread's writes).</summary>
    public static void Full(Microsoft.Win32.SafeHandles.SafeFileHandle handle) => Sync(handle, data: false);

    private static void Sync(Microsoft.Win32.SafeHandles.SafeFileHandle handle, bool data)
    {
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            var fd = (int)handle.DangerousGetHandle();
            if ((data && OperatingSystem.IsLinux() ? FDataSync(fd) : FSync(fd)) != 0)
                throw new IOException($"{(data ? "fdatasync" : "fsync")} failed: errno {Marshal.GetLastPInvokeError()}");
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }

    [LibraryImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    private static partial int FDataSync(int fd);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FSync(int fd);
}
