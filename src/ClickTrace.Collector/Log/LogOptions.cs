using System.ComponentModel.DataAnnotations;

namespace ClickTrace.Collector.Log;

/// <summary>The write-ahead log. Section <c>ClickTrace:Collector:Log</c>.</summary>
public sealed class LogOptions
{
    public const string Section = "ClickTrace:Collector:Log";

    /// <summary>The log folder. Default: <c>log/{database}</c> inside the storage data folder.</summary>
    public string? Path { get; set; }

    /// <summary>A segment is closed and a new one started past this size. Default 64 MiB.</summary>
    [Range(64 * 1024, 1024L * 1024 * 1024)]
    public long SegmentBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Unshipped bytes the log may hold (e.g. while ClickHouse is down); past it collect answers 503. Default 2 GiB.</summary>
    [Range(1024 * 1024, 1024L * 1024 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// How far ahead of the last record the current segment is kept filled with zeros (by a thread of its own). A group
    /// that overwrites zeros needs only its data flushed (fdatasync), not the file's size in the journal, so a
    /// busy disk (the engine writing its parts) no longer holds the acknowledgement up. Default 4 MiB; 0 off.
    /// </summary>
    [Range(0, 256L * 1024 * 1024)]
    public long PreallocateBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>Bytes waiting for the disk at once; past it collect answers 503. Default 64 MiB.</summary>
    [Range(64 * 1024, 4L * 1024 * 1024 * 1024)]
    public long MaxPendingBytes { get; set; } = 64L * 1024 * 1024;
}
