using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ClickTrace.Collector.Log;

/// <summary>
/// An append-only log of records in numbered segment files. Appends from concurrent requests are
/// written by one writer loop that takes everything waiting, writes it, and fsyncs once (group commit);
/// each append completes only after that fsync. Opening the log cuts a torn tail off the last segment.
/// In idle moments the writer fills the current segment with zeros ahead of the last record
/// (<see cref="LogOptions.PreallocateBytes"/>): a group written over them is made durable by fdatasync
/// alone, with no change of the file's size to commit to the file system's journal. A closed segment is
/// cut to its records; so is the current one at shutdown and when the log is opened again.
/// </summary>
public sealed partial class WriteAheadLog : IAsyncDisposable
{
    private readonly string _folder;
    private readonly LogOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<PendingAppend> _appends = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FileStream _file;
    private long _segment;
    private long _offset;
    // The current segment's length on disk: zeros from _offset up to it, durable.
    private long _allocated;
    private long _diskBytes;
    private long _pendingBytes;
    // A 16-byte struct cannot be published atomically; an immutable box swapped by reference can.
    private StrongBox<LogPosition> _durable;
    private TaskCompletionSource _changed = NewSignal();

    private readonly Action<TimeSpan, int>? _synced;

    private WriteAheadLog(string folder, LogOptions options, ILogger logger, Action<TimeSpan, int>? synced)
    {
        _synced = synced;
        _folder = folder;
        _options = options;
        _logger = logger;
        Directory.CreateDirectory(folder);
        var segments = LogSegments.List(folder);
        _diskBytes = segments.Sum(s => new FileInfo(LogSegments.PathOf(folder, s)).Length);
        _segment = segments.Count > 0 ? segments[^1] : 1;
        var path = LogSegments.PathOf(folder, _segment);
        _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
        var valid = LogSegments.ValidLength(path);
        if (valid < _file.Length)
        {
            // Zeros past the last record are the writer's own preallocation, not a torn write.
            if (LogSegments.HasDataAfter(path, valid)) LogTornTail(_file.Length - valid, path);
            _diskBytes -= _file.Length - valid;
            _file.SetLength(valid);
            _file.Flush(flushToDisk: true);
        }
        _offset = valid;
        _allocated = valid;
        _file.Position = valid;
        First = new LogPosition(segments.Count > 0 ? segments[0] : _segment, 0);
        _durable = new StrongBox<LogPosition>(new LogPosition(_segment, _offset));
        new Thread(WriteLoop) { IsBackground = true, Name = "ClickTrace log" }.Start();
    }

    /// <summary>Opens (or creates) the log in <paramref name="folder"/>, truncating a torn tail.</summary>
    /// <param name="synced">Told the duration and record count of every write + fsync (for metrics).</param>
    public static WriteAheadLog Open(string folder, LogOptions options, ILogger logger, Action<TimeSpan, int>? synced = null) =>
        new(folder, options, logger, synced);

    public string Folder => _folder;

    /// <summary>The oldest position still on disk when the log was opened.</summary>
    public LogPosition First { get; }

    /// <summary>The end of what is durable: records before it survive a crash.</summary>
    public LogPosition Durable => Volatile.Read(ref _durable).Value;

    /// <summary>Bytes of all segments on disk (shipped segments are removed by <see cref="ReleaseBefore"/>).</summary>
    public long DiskBytes => Interlocked.Read(ref _diskBytes);

    /// <summary>Number of fsyncs done (one per group of appends).</summary>
    public long Syncs { get; private set; }

    /// <summary>Appends one record and returns once it is on disk, or at once when the log is full or busy.</summary>
    public ValueTask<AppendResult> AppendAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        if (payload.Length == 0) throw new ArgumentOutOfRangeException(nameof(payload), "A record is 1 byte to 64 MiB.");
        return AppendAsync(new BytesPayload(payload), cancellationToken);
    }

    /// <summary>
    /// Appends one record, written by the writer thread straight into its group, and returns once it is on
    /// disk, or at once when the log is full or busy. The payload must stay readable until then.
    /// </summary>
    public async ValueTask<AppendResult> AppendAsync(ILogPayload payload, CancellationToken cancellationToken = default)
    {
        if (payload.MaxLength is <= 0 or > LogRecord.MaxPayload) throw new ArgumentOutOfRangeException(nameof(payload), "A record is 1 byte to 64 MiB.");
        var size = payload.MaxLength + LogRecord.HeaderSize;
        if (DiskBytes + Interlocked.Read(ref _pendingBytes) + size > _options.MaxBytes) return AppendResult.Full;
        if (Interlocked.Add(ref _pendingBytes, size) > _options.MaxPendingBytes)
        {
            Interlocked.Add(ref _pendingBytes, -size);
            return AppendResult.Busy;
        }
        var append = new PendingAppend(payload, size, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_appends.Writer.TryWrite(append))
        {
            Interlocked.Add(ref _pendingBytes, -size);
            throw new ObjectDisposedException(nameof(WriteAheadLog));
        }
        // The write is not abandoned if the caller goes away: once queued it will be made durable.
        await append.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return AppendResult.Durable;
    }

    /// <summary>Completes when the durable end moves past <paramref name="position"/>.</summary>
    public Task WaitBeyondAsync(LogPosition position, CancellationToken cancellationToken)
    {
        var changed = Volatile.Read(ref _changed).Task;
        return Durable > position ? Task.CompletedTask : changed.WaitAsync(cancellationToken);
    }

    /// <summary>Deletes every segment before the one <paramref name="shipped"/> points into: all of them are shipped.</summary>
    public void ReleaseBefore(LogPosition shipped)
    {
        foreach (var segment in LogSegments.List(_folder).Where(s => s < shipped.Segment && s < Volatile.Read(ref _segment)))
        {
            var path = LogSegments.PathOf(_folder, segment);
            var length = new FileInfo(path).Length;
            File.Delete(path);
            Interlocked.Add(ref _diskBytes, -length);
        }
    }

    private void WriteLoop()
    {
        try
        {
            var group = new List<PendingAppend>();
            var buffer = new GroupBuffer(1024 * 1024);
            while (true)
            {
                // Nothing waiting: a good moment to zero the segment ahead, a megabyte at a time (an append that
                // arrives meanwhile waits a few milliseconds).
                while (Idle() && Preallocate())
                {
                }
                if (!WaitForAppends()) break;
                group.Clear();
                buffer.Clear();
                var reserved = 0L;
                while (buffer.Length < 8 * 1024 * 1024 && _appends.Reader.TryRead(out var append))
                {
                    reserved += append.Reserved;
                    if (TryFrame(buffer, append)) group.Add(append);
                }
                try
                {
                    if (group.Count > 0) WriteGroup(buffer, group);
                }
                finally
                {
                    Interlocked.Add(ref _pendingBytes, -reserved);
                }
            }
            _stopped.TrySetResult();
        }
        catch (Exception error)
        {
            _stopped.TrySetException(error);
        }
    }

    // Nothing is queued (the channel has one reader, this thread, so a peek is as good as a count).
    private bool Idle() => _appends.Reader.CanPeek && !_appends.Reader.TryPeek(out _);

    // The loop blocks in fsync, so it runs on a thread of its own and waits there too: an async loop would
    // continue on the thread pool after its first await and hold a pool thread through every fsync.
    private bool WaitForAppends()
    {
        var ready = _appends.Reader.WaitToReadAsync();
        return ready.IsCompletedSuccessfully ? ready.Result : ready.AsTask().GetAwaiter().GetResult();
    }

    private static bool TryFrame(GroupBuffer buffer, PendingAppend append)
    {
        var start = buffer.Length;
        try
        {
            buffer.GetSpan(LogRecord.HeaderSize + append.Payload.MaxLength);
            buffer.Advance(LogRecord.HeaderSize);
            append.Payload.Write(buffer);
            var length = buffer.Length - start - LogRecord.HeaderSize;
            if (length <= 0 || length > append.Payload.MaxLength)
                throw new InvalidOperationException($"A log payload wrote {length} bytes; it promised 1 to {append.Payload.MaxLength}.");
            buffer.Frame(start);
            return true;
        }
        catch (Exception error)
        {
            buffer.Truncate(start);
            append.Done.TrySetException(error);
            return false;
        }
    }

    private void WriteGroup(GroupBuffer buffer, List<PendingAppend> group)
    {
        try
        {
            if (_offset > 0 && _offset + buffer.Length > _options.SegmentBytes) Rotate();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            _file.Write(buffer.Written);
            if (_offset + buffer.Length <= _allocated) DataSync.Flush(_file);   // over zeros: the data is all there is to flush
            else
            {
                _file.Flush(flushToDisk: true);
                _allocated = _offset + buffer.Length;
            }
            _synced?.Invoke(System.Diagnostics.Stopwatch.GetElapsedTime(started), group.Count);
            Syncs++;
            _offset += buffer.Length;
            Interlocked.Add(ref _diskBytes, buffer.Length);
            Publish(new LogPosition(_segment, _offset));
            foreach (var append in group) append.Done.TrySetResult();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            LogWriteFailed(error, group.Count);
            _file.Position = _offset; // the next group overwrites whatever part of this one reached the file
            foreach (var append in group) append.Done.TrySetException(error);
        }
    }

    /// <summary>Zeros the next stretch of the current segment, when it is short of <see cref="LogOptions.PreallocateBytes"/> ahead; true when it wrote.</summary>
    private bool Preallocate()
    {
        // Topped up once less than half is left, then filled to the whole stretch, a megabyte per call.
        var target = Math.Min(_offset + _options.PreallocateBytes, Math.Max(_offset, _options.SegmentBytes));
        if (target <= _allocated || (!_filling && _allocated - _offset >= _options.PreallocateBytes / 2))
        {
            _filling = false;
            return false;
        }
        _filling = true;
        try
        {
            var zeros = new byte[Math.Min(target - _allocated, 1024 * 1024)];
            RandomAccess.Write(_file.SafeFileHandle, zeros, _allocated);
            _file.Flush(flushToDisk: true);
            _allocated += zeros.Length;
            Interlocked.Add(ref _preallocatedBytes, zeros.Length);
            return true;
        }
        catch (IOException error)
        {
            // A full disk, say: the log goes on appending, each group with its own size change.
            LogPreallocateFailed(error);
            return false;
        }
    }

    private long _preallocatedBytes;
    private bool _filling;

    /// <summary>Zero bytes written ahead of the records so far (for tests and metrics).</summary>
    public long PreallocatedBytes => Interlocked.Read(ref _preallocatedBytes);

    private void Rotate()
    {
        _file.SetLength(_offset);   // a closed segment holds its records only
        _file.Flush(flushToDisk: true);
        _file.Dispose();
        var next = _segment + 1;
        _file = new FileStream(LogSegments.PathOf(_folder, next), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
        Volatile.Write(ref _segment, next);
        _offset = 0;
        _allocated = 0;
        Publish(new LogPosition(next, 0));
    }

    private void Publish(LogPosition durable)
    {
        Volatile.Write(ref _durable, new StrongBox<LogPosition>(durable));
        Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        _appends.Writer.TryComplete();
        await _stopped.Task.ConfigureAwait(false);
        try
        {
            if (_allocated > _offset) _file.SetLength(_offset); // a clean stop leaves no zeros behind
        }
        catch (IOException)
        {
            // Cut at the next open instead.
        }
        await _file.DisposeAsync().ConfigureAwait(false);
    }

    private sealed record PendingAppend(ILogPayload Payload, long Reserved, TaskCompletionSource Done);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cut a torn tail of {Bytes} bytes off {Path} (a write interrupted by a crash; it was never acknowledged)")]
    private partial void LogTornTail(long bytes, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zeroing the log ahead of its records failed; it goes on without")]
    private partial void LogPreallocateFailed(Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} records to the log failed; their requests get an error")]
    private partial void LogWriteFailed(Exception error, int count);
}
