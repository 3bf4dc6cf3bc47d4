using ClickTrace.Collector.Log;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClickTrace.Collector.Tests.Log;

public sealed class WriteAheadLogTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private WriteAheadLog Open(LogOptions? options = null) => WriteAheadLog.Open(_folder.Path, options ?? new LogOptions(), NullLogger.Instance);

    private List<byte[]> ReadAll(WriteAheadLog log)
    {
        using var reader = new LogReader(_folder.Path);
        var records = new List<byte[]>();
        reader.Read(log.First, log.Durable, records, long.MaxValue);
        return records;
    }

    [Fact]
    public async Task An_append_is_durable_and_readable_when_it_returns()
    {
        await using var log = Open();

        Assert.Equal(AppendResult.Durable, await log.AppendAsync(new byte[] { 1, 2, 3 }));

        Assert.Equal([1, 2, 3], Assert.Single(ReadAll(log)));
        Assert.Equal(new LogPosition(1, 11), log.Durable);
    }

    [Fact]
    public async Task A_payload_is_written_by_the_logs_own_thread_straight_into_the_record()
    {
        await using var log = Open();
        var payload = new ProbePayload([7, 8, 9]);

        Assert.Equal(AppendResult.Durable, await log.AppendAsync(payload));

        Assert.Equal([7, 8, 9], Assert.Single(ReadAll(log)));
        // The writer blocks in fsync: it must never hold one of the pool's threads while it does.
        Assert.False(payload.WrittenOnPoolThread);
    }

    [Fact]
    public async Task A_payload_that_fails_to_write_fails_its_own_append_and_no_other()
    {
        await using var log = Open();

        var appends = Enumerable.Range(0, 50).Select(i => log.AppendAsync(i == 25 ? new ProbePayload(null) : new BytesPayload(BitConverter.GetBytes(i))).AsTask()).ToList();
        await Assert.ThrowsAsync<InvalidOperationException>(() => appends[25]);

        Assert.All(appends.Where((_, i) => i != 25), a => Assert.Equal(AppendResult.Durable, a.Result));
        Assert.Equal(Enumerable.Range(0, 50).Where(i => i != 25), ReadAll(log).Select(r => BitConverter.ToInt32(r)).Order());
    }

    [Fact]
    public async Task A_disk_error_fails_its_group_as_not_written_and_the_next_append_is_written()
    {
        await using var log = Open();
        var fail = true;
        log.BeforeWrite = () => { if (fail) { fail = false; throw new IOException("No space left on device"); } };

        var failed = await log.AppendAsync(new byte[] { 1 });
        var next = await log.AppendAsync(new byte[] { 2 });

        Assert.Equal((AppendResult.Failed, AppendResult.Durable), (failed, next));
        Assert.Equal([2], Assert.Single(ReadAll(log)));
        Assert.Null(log.Failure);
    }

    [Fact]
    public async Task A_writer_that_stops_fails_every_waiting_and_later_append_instead_of_leaving_them_hanging()
    {
        var log = Open();
        using var release = new ManualResetEventSlim();
        log.BeforeWrite = () => { release.Wait(); throw new InvalidOperationException("a bug in the writer"); };

        var first = log.AppendAsync(new byte[] { 1 }).AsTask();   // taken by the writer, which waits
        var queued = Enumerable.Range(0, 20).Select(i => log.AppendAsync(new byte[] { (byte)i }).AsTask()).ToList();
        release.Set();

        Assert.Equal(AppendResult.Failed, await first);
        Assert.All(await Task.WhenAll(queued), r => Assert.Equal(AppendResult.Failed, r));
        Assert.Equal(AppendResult.Failed, await log.AppendAsync(new byte[] { 9 }));
        Assert.IsType<InvalidOperationException>(log.Failure);
        await log.DisposeAsync(); // and it still closes
        Assert.Empty(ReadAll(log));
    }

    [Fact]
    public async Task A_payload_that_writes_more_than_it_promised_is_refused()
    {
        await using var log = Open();

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await log.AppendAsync(new ProbePayload([1, 2, 3], promised: 2)));

        Assert.Empty(ReadAll(log));
    }

    private sealed class ProbePayload(byte[]? bytes, int? promised = null) : ILogPayload
    {
        public bool WrittenOnPoolThread { get; private set; }

        public int MaxLength => promised ?? bytes?.Length ?? 8;

        public void Write(System.Buffers.IBufferWriter<byte> output)
        {
            WrittenOnPoolThread = Thread.CurrentThread.IsThreadPoolThread;
            System.Buffers.BuffersExtensions.Write<byte>(output, bytes ?? [1, 2]);
            if (bytes is null) throw new InvalidOperationException("this payload cannot be written");
        }
    }

    [Fact]
    public async Task Concurrent_appends_share_fsyncs()
    {
        await using var log = Open();

        var results = await Task.WhenAll(Enumerable.Range(0, 500).Select(i => Task.Run(async () => await log.AppendAsync(BitConverter.GetBytes(i)))));

        Assert.All(results, r => Assert.Equal(AppendResult.Durable, r));
        Assert.Equal(500, ReadAll(log).Count);
        Assert.True(log.Syncs < 500, $"{log.Syncs} fsyncs for 500 appends: no group commit");
        Assert.Equal(Enumerable.Range(0, 500), ReadAll(log).Select(r => BitConverter.ToInt32(r)).Order());
    }

    [Fact]
    public async Task Reopening_cuts_a_torn_tail_and_keeps_appending_after_it()
    {
        await using (var log = Open())
        {
            await log.AppendAsync(new byte[] { 1 });
            await log.AppendAsync(new byte[] { 2 });
        }
        // A crash in the middle of a write: half a record at the end of the segment.
        await File.AppendAllBytesAsync(LogSegments.PathOf(_folder.Path, 1), new byte[] { 200, 0, 0, 0, 9, 9 });

        await using var reopened = Open();
        await reopened.AppendAsync(new byte[] { 3 });

        Assert.Equal([[1], [2], [3]], ReadAll(reopened));
    }

    [Fact]
    public async Task The_segment_is_zeroed_ahead_and_a_crash_leaves_zeros_that_are_cut_without_a_torn_tail_warning()
    {
        await using var log = Open();
        var filled = log.ZerosFilledAsync();
        await log.AppendAsync(new byte[] { 1 });
        if (log.PreallocatedBytes < new LogOptions().PreallocateBytes) await filled.WaitAsync(TimeSpan.FromSeconds(30)); // a fill may have ended already
        await log.AppendAsync(new byte[] { 2 });   // written over the zeros
        Assert.True(new FileInfo(LogSegments.PathOf(_folder.Path, 1)).Length >= new LogOptions().PreallocateBytes);

        // What a crash leaves: the segment as it is now, zeros and all, opened by the next process.
        using var copy = new TempFolder();
        File.Copy(LogSegments.PathOf(_folder.Path, 1), LogSegments.PathOf(copy.Path, 1));
        var logger = new Microsoft.Extensions.Logging.Testing.FakeLogger();
        await using (var reopened = WriteAheadLog.Open(copy.Path, new LogOptions(), logger))
        {
            Assert.Equal(new LogPosition(1, 18), reopened.Durable);
            await reopened.AppendAsync(new byte[] { 3 });
            using var reader = new LogReader(copy.Path);
            var records = new List<byte[]>();
            reader.Read(reopened.First, reopened.Durable, records, long.MaxValue);
            Assert.Equal([[1], [2], [3]], records);
        }
        Assert.DoesNotContain(logger.Collector.GetSnapshot(), r => r.Message.Contains("torn", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(27, new FileInfo(LogSegments.PathOf(copy.Path, 1)).Length); // a clean stop cuts the zeros
    }

    [Fact]
    public async Task Segments_rotate_past_their_size()
    {
        await using var log = Open(new LogOptions { SegmentBytes = 64 * 1024 });

        for (var i = 0; i < 20; i++) await log.AppendAsync(new byte[10_000]);

        Assert.True(LogSegments.List(_folder.Path).Count >= 3);
        Assert.Equal(20, ReadAll(log).Count);
    }

    [Fact]
    public async Task Past_the_disk_cap_appends_are_refused_until_segments_are_released()
    {
        await using var log = Open(new LogOptions { SegmentBytes = 64 * 1024, MaxBytes = 1024 * 1024 });

        var results = new List<AppendResult>();
        for (var i = 0; i < 120; i++) results.Add(await log.AppendAsync(new byte[10_000]));

        Assert.Contains(AppendResult.Full, results);
        Assert.True(log.DiskBytes <= 1024 * 1024);
        log.ReleaseBefore(log.Durable);
        Assert.Equal(AppendResult.Durable, await log.AppendAsync(new byte[10_000]));
        Assert.Single(LogSegments.List(_folder.Path));
    }

    [Fact]
    public async Task Waiters_wake_when_data_becomes_durable()
    {
        await using var log = Open();
        var before = log.Durable;
        var wait = log.WaitBeyondAsync(before, CancellationToken.None);

        Assert.False(wait.IsCompleted);
        await log.AppendAsync(new byte[] { 1 });

        await wait.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(log.Durable > before);
    }
}
