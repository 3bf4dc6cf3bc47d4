using System.Runtime.InteropServices;

namespace ClickTrace.Storage.Embedded.Native;

/// <summary>
/// P/Invoke declarations for the part of chDB's C API (chdb.h, 26.7) that ClickTrace uses.
/// Every pointer returned here is owned by a <see cref="SafeHandle"/> subclass in this folder.
/// </summary>
internal static unsafe partial class ChdbNative
{
    private const string Library = "chdb";

    [LibraryImport(Library, EntryPoint = "chdb_set_signal_handlers_enabled")]
    internal static partial void SetSignalHandlersEnabled(int enabled);

    [LibraryImport(Library, EntryPoint = "chdb_version")]
    internal static partial nint Version();

    /// <summary>Returns a pointer to the connection handle (chdb_connection*), or null.</summary>
    [LibraryImport(Library, EntryPoint = "chdb_connect")]
    internal static partial nint Connect(int argc, byte** argv);

    [LibraryImport(Library, EntryPoint = "chdb_close_conn")]
    internal static partial void CloseConnection(nint connectionPointer);

    [LibraryImport(Library, EntryPoint = "chdb_query_with_params_n")]
    internal static partial nint QueryWithParams(
        nint connection, byte* query, nuint queryLength, byte* format, nuint formatLength,
        byte** names, nuint* nameLengths, byte** values, nuint* valueLengths, nuint count);

    [LibraryImport(Library, EntryPoint = "chdb_destroy_query_result")]
    internal static partial void DestroyResult(nint result);

    [LibraryImport(Library, EntryPoint = "chdb_result_buffer")]
    internal static partial byte* ResultBuffer(nint result);

    [LibraryImport(Library, EntryPoint = "chdb_result_length")]
    internal static partial nuint ResultLength(nint result);

    [LibraryImport(Library, EntryPoint = "chdb_result_rows_read")]
    internal static partial ulong ResultRowsRead(nint result);

    [LibraryImport(Library, EntryPoint = "chdb_result_rows_written")]
    internal static partial ulong ResultRowsWritten(nint result);

    [LibraryImport(Library, EntryPoint = "chdb_result_error")]
    internal static partial nint ResultError(nint result);

    [LibraryImport(Library, EntryPoint = "chdb_stream_insert_with_params_n")]
    internal static partial nint StreamInsert(
        nint connection, byte* query, nuint queryLength, byte* format, nuint formatLength,
        byte** names, nuint* nameLengths, byte** values, nuint* valueLengths, nuint count);

    [LibraryImport(Library, EntryPoint = "chdb_stream_append")]
    internal static partial int StreamAppend(nint stream, byte* data, nuint length);

    [LibraryImport(Library, EntryPoint = "chdb_stream_done")]
    internal static partial nint StreamDone(nint stream);

    [LibraryImport(Library, EntryPoint = "chdb_stream_insert_error")]
    internal static partial nint StreamInsertError(nint stream);

    [LibraryImport(Library, EntryPoint = "chdb_destroy_insert_stream")]
    internal static partial void DestroyInsertStream(nint stream);

    internal static string? ReadString(nint utf8) => utf8 == 0 ? null : Marshal.PtrToStringUTF8(utf8);
}
