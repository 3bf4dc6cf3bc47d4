using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ClickTrace.Collector.Log;

/// <summary>
/// An append-only log of records in numbered segment files. Appends from concurrent requests are
/// written by one writer loop that takes everything waiting, writes it, and fsyncs once (group commit);
/// each append completes only after that fsync. Opening the log cuts a torn tail off the last segment.
/// A thread of its own keeps the current segment filled with zeros ahead of the last record
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

    // Set once when the writer thread stops on an error it cannot go on from; appends fail from then on.
    private volatile Exception? _failure;

    /// <summary>What stopped the writer, or null while it runs (readiness reports it).</summary>
    public Exception? Failure => _failure;

    /// <summary>Runs on the writer thread before each group's write (tests make the disk fail with it).</summary>
    internal Action? BeforeWrite { get; set; }

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
        if (options.PreallocateBytes > 0)
        {
            _zeroing = new Thread(ZeroLoop) { IsBackground = true, Name = "ClickTrace log zeros" };
            _zeroing.Start();
        }
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
        if (_failure is not null) return AppendResult.Failed;
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
            return _failure is not null ? AppendResult.Failed : throw new ObjectDisposedException(nameof(WriteAheadLog));
        }
        try
        {
            // The write is not abandoned if the caller goes away: once queued it will be made durable.
            await append.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (LogUnavailableException)
        {
            return AppendResult.Failed; // logged by the writer; a payload's own failure is thrown as it was
        }
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
        var group = new List<PendingAppend>();
        try
        {
            var buffer = new GroupBuffer(1024 * 1024);
            while (true)
            {
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
        }
        catch (Exception error)
        {
            // Not a disk error (those fail one group, and the next is tried): no append can be trusted to this
            // writer any more. Every waiting one fails now, and every later one at once, instead of hanging.
            _failure = error;
            LogWriterStopped(error);
            _appends.Writer.TryComplete(error);
            var unavailable = new LogUnavailableException(error);
            foreach (var append in group) append.Done.TrySetException(unavailable);
            while (_appends.Reader.TryRead(out var waiting))
            {
                Interlocked.Add(ref _pendingBytes, -waiting.Reserved);
                waiting.Done.TrySetException(unavailable);
            }
        }
        _stopped.TrySetResult();
    }

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
            BeforeWrite?.Invoke();
            if (_offset > 0 && _offset + buffer.Length > _options.SegmentBytes) Rotate();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var end = _offset + buffer.Length;
            if (end <= Volatile.Read(ref _allocated))
            {
                _file.Write(buffer.Written);
                DataSync.Flush(_file.SafeFileHandle);   // over zeros: the data is all there is to flush
            }
            else
            {
                // Past the zeros: the file grows, and the zeroing thread must not write where this group goes.
                lock (_extend)
                {
                    _file.Write(buffer.Written);
                    _file.Flush(flushToDisk: true);
                    Volatile.Write(ref _allocated, Math.Max(_allocated, end));
                }
            }
            _synced?.Invoke(System.Diagnostics.Stopwatch.GetElapsedTime(started), group.Count);
            Syncs++;
            Volatile.Write(ref _offset, _offset + buffer.Length);
            Interlocked.Add(ref _diskBytes, buffer.Length);
            Publish(new LogPosition(_segment, _offset));
            foreach (var append in group) append.Done.TrySetResult();
            if (_zeroing is not null && _zeroWanted.CurrentCount == 0) _zeroWanted.Release();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            LogWriteFailed(error, group.Count);
            _file.Position = _offset; // the next group overwrites whatever part of this one reached the file
            var unavailable = new LogUnavailableException(error);
            foreach (var append in group) append.Done.TrySetException(unavailable);
        }
    }

    /// <summary>
    /// The zeroing thread: after each group, tops the current segment up to <see cref="LogOptions.PreallocateBytes"/>
    /// of zeros ahead of its records once less than half is left, a megabyte per step, each step fsynced before
    /// the writer may use it. It holds <see cref="_extend"/> while it writes, so that it never writes where a
    /// group is landing past the zeros, nor into a segment being closed.
    /// </summary>
    private void ZeroLoop()
    {
        var zeros = new byte[1024 * 1024];
        var filling = false;
        while (true)
        {
            _zeroWanted.Wait();
            while (true)
            {
                lock (_extend)
                {
                    if (_closing) return;
                    var offset = Volatile.Read(ref _offset);
                    var target = Math.Min(offset + _options.PreallocateBytes, Math.Max(offset, _options.SegmentBytes));
                    if (target <= _allocated || (!filling && _allocated - offset >= _options.PreallocateBytes / 2))
                    {
                        if (filling) Interlocked.Exchange(ref _filled, NewSignal()).TrySetResult();
                        filling = false;
                        break;
                    }
                    filling = true;
                    try
                    {
                        var length = (int)Math.Min(target - _allocated, zeros.Length);
                        RandomAccess.Write(_file.SafeFileHandle, zeros.AsSpan(0, length), _allocated);
                        DataSync.Full(_file.SafeFileHandle);
                        Volatile.Write(ref _allocated, _allocated + length);
                        Interlocked.Add(ref _preallocatedBytes, length);
                    }
                    catch (IOException error)
                    {
                        // A full disk, say: the log goes on appending, each group with its own size change.
                        LogPreallocateFailed(error);
                        filling = false;
                        break;
                    }
                }
            }
        }
    }

    private readonly object _extend = new();
    private readonly SemaphoreSlim _zeroWanted = new(1, 1);
    private bool _closing;
    private Thread? _zeroing;

    private long _preallocatedBytes;

    /// <summary>Zero bytes written ahead of the records so far (for tests and metrics).</summary>
    public long PreallocatedBytes => Interlocked.Read(ref _preallocatedBytes);

    private TaskCompletionSource _filled = NewSignal();

    /// <summary>Completes the next time the zeroing thread has filled the stretch ahead of the records.</summary>
    public Task ZerosFilledAsync() => Volatile.Read(ref _filled).Task;

    private void Rotate()
    {
        long next;
        lock (_extend)
        {
            _file.SetLength(_offset);   // a closed segment holds its records only
            _file.Flush(flushToDisk: true);
            _file.Dispose();
            next = _segment + 1;
            _file = new FileStream(LogSegments.PathOf(_folder, next), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
            Volatile.Write(ref _segment, next);
            Volatile.Write(ref _offset, 0);
            Volatile.Write(ref _allocated, 0);
        }
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
        lock (_extend) _closing = true;
        if (_zeroing is not null)
        {
            if (_zeroWanted.CurrentCount == 0) _zeroWanted.Release();
            _zeroing.Join();
        }
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

    /// <summary>The log could not write an append (the disk failed, or the writer stopped): <see cref="AppendResult.Failed"/>.</summary>
    private sealed class LogUnavailableException(Exception inner) : Exception("The event log could not write the record.", inner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cut a torn tail of {Bytes} bytes off {Path} (a write interrupted by a crash; it was never acknowledged)")]
    private partial void LogTornTail(long bytes, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zeroing the log ahead of its records failed; it goes on without")]
    private partial void LogPreallocateFailed(Exception error);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The log's writer stopped; every append fails (collect answers 503) until the collector is restarted")]
    private partial void LogWriterStopped(Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing {Count} records to the log failed; their requests get an error")]
    private partial void LogWriteFailed(Exception error, int count);
}
