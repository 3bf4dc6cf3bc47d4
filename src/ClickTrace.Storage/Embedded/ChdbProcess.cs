using System.Runtime.InteropServices;
using System.Text;
using ClickTrace.Storage.Embedded.Native;

namespace ClickTrace.Storage.Embedded;

/// <summary>
/// The embedded engine is one per process and serves one storage path at a time: connections to the
/// same path may be opened freely, another path only once every connection is closed. This class
/// keeps that rule in one place and turns a violation into a clear error instead of undefined behaviour.
/// </summary>
internal static class ChdbProcess
{
    private static readonly Lock Gate = new();
    private static string? _path;
    private static int _open;
    private static bool _signalsConfigured;

    public static unsafe ChdbConnection Connect(string path)
    {
        var fullPath = Path.GetFullPath(path);
        lock (Gate)
        {
            if (_open > 0 && _path != fullPath)
                throw new InvalidOperationException(
                    $"The embedded ClickHouse engine already serves '{_path}'; close its connections before opening '{fullPath}'. " +
                    "Isolate stores in one process by database, not by folder.");

            if (!_signalsConfigured)
            {
                // .NET turns SIGSEGV into NullReferenceException; chDB's own handlers would take that over.
                ChdbNative.SetSignalHandlersEnabled(0);
                _signalsConfigured = true;
            }

            Directory.CreateDirectory(fullPath);
            string[] args = ["clicktrace", $"--path={fullPath}"];
            var encoded = args.Select(a => Encoding.UTF8.GetBytes(a + '\0')).ToArray();
            var handles = encoded.Select(b => GCHandle.Alloc(b, GCHandleType.Pinned)).ToArray();
            try
            {
                var argv = stackalloc byte*[args.Length];
                for (var i = 0; i < args.Length; i++) argv[i] = (byte*)handles[i].AddrOfPinnedObject();
                var pointer = ChdbNative.Connect(args.Length, argv);
                if (pointer == 0 || Marshal.ReadIntPtr(pointer) == 0)
                    throw new ClickHouseException(0, null, $"chDB could not open the storage folder '{fullPath}' (is another process using it?).");
                var handle = new ChdbConnectionHandle();
                handle.Adopt(pointer);
                _path = fullPath;
                _open++;
                return new ChdbConnection(handle);
            }
            finally
            {
                foreach (var h in handles) h.Free();
            }
        }
    }

    /// <summary>Closes a connection under the same lock as <see cref="Connect"/>: closing the last one stops the engine, which must not race a connect.</summary>
    internal static void Close(ChdbConnectionHandle handle)
    {
        lock (Gate)
        {
            if (handle.IsClosed) return;
            handle.Dispose();
            _open--;
        }
    }
}
