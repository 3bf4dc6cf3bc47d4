using BenchmarkDotNet.Attributes;
using ClickTrace.Collector.Log;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClickTrace.Benchmarks;

/// <summary>
/// Durable appends of 5 KB records (a 20-event request) from <see cref="Writers"/> concurrent requests.
/// Baseline: the same bytes written by one thread with a single fsync (the floor any group commit can
/// reach); <see cref="FsyncEachRecord"/> shows what acknowledging each record with its own fsync costs.
/// </summary>
[MemoryDiagnoser]
public class LogWriterBenchmarks
{
    private readonly byte[] _record = new byte[5 * 1024];
    private string _folder = "";
    private WriteAheadLog _log = null!;

    [Params(1, 16, 64)]
    public int Writers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        new Random(1).NextBytes(_record);
        _folder = Directory.CreateTempSubdirectory("clicktrace-bench-log-").FullName;
        _log = WriteAheadLog.Open(Path.Combine(_folder, "log"), new LogOptions { MaxBytes = 512L * 1024 * 1024 * 1024 }, NullLogger.Instance);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _log.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public void OneWriteOneFsync()
    {
        using var file = new FileStream(Path.Combine(_folder, "baseline"), FileMode.Append, FileAccess.Write, FileShare.None, 0);
        for (var i = 0; i < Writers; i++) file.Write(_record);
        file.Flush(flushToDisk: true);
    }

    [Benchmark]
    public void FsyncEachRecord()
    {
        using var file = new FileStream(Path.Combine(_folder, "naive"), FileMode.Append, FileAccess.Write, FileShare.None, 0);
        for (var i = 0; i < Writers; i++)
        {
            file.Write(_record);
            file.Flush(flushToDisk: true);
        }
    }

    [Benchmark]
    public Task GroupCommit() =>
        Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () => await _log.AppendAsync(_record))));
}
