using System.Runtime.InteropServices;

namespace ClickTrace.Collector.Log;

/// <summary>
/// fdatasync on Linux: the file's data (and its size, if it changed) reach the disk, not its times. .NET's
/// <see cref="FileStream.Flush(bool)"/> calls fsync, which also commits the modification time to the
/// journal on every write. Elsewhere it falls back to that.
/// </summary>
internal static partial class DataSync
{
    public static void Flush(FileStream file)
    {
        if (!OperatingSystem.IsLinux())
        {
            file.Flush(flushToDisk: true);
            return;
        }
        var handle = file.SafeFileHandle;
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            if (FDataSync((int)handle.DangerousGetHandle()) != 0)
                throw new IOException($"fdatasync failed: errno {Marshal.GetLastPInvokeError()}");
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }

    [LibraryImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    private static partial int FDataSync(int fd);
}
