using ClickTrace.Storage.Embedded;

namespace ClickTrace.Testing;

/// <summary>
/// The embedded engine serves one folder per process, so every test in a test assembly shares this
/// folder and isolates itself with a database of its own (<see cref="NewDatabase"/>).
/// </summary>
public static class TestEngine
{
    private static EmbeddedClickHouse? _anchor;

    private static readonly Lazy<string> Folder = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), "clicktrace-tests", $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        // One connection held for the whole run: the engine then starts once, instead of stopping and
        // starting again whenever the last store of a finished test closes.
        _anchor = new EmbeddedClickHouse(path, "anchor");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return path;
    });

    /// <summary>The storage folder every store in this test process uses.</summary>
    public static string StoragePath => Folder.Value;

    /// <summary>A database name no other test uses.</summary>
    public static string UniqueDatabaseName(string prefix = "t") => $"{prefix}_{Guid.NewGuid():N}";

    /// <summary>A store over a fresh database in the shared folder.</summary>
    public static EmbeddedClickHouse NewDatabase(string prefix = "t") => new(StoragePath, UniqueDatabaseName(prefix));
}
