using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace ClickTrace.Storage.Embedded;

/// <summary>
/// The threads the embedded engine's statements run on: a fixed set of its own, not the .NET pool (a
/// statement blocks its thread in native code for its whole duration), at a lower CPU priority (a higher
/// Linux nice value) than request handling. The engine's own worker and merge threads are created by
/// these threads and inherit their priority, so on a busy machine the collector answers first and the
/// engine catches up with whatever CPU is left; on an idle machine it runs at full speed.
/// <para>
/// A thread inherits its creator's priority, and the .NET pool adds threads from whichever thread queues
/// work. So an engine thread never completes a task itself (its continuations would be queued from it):
/// it hands the result to one completion thread at normal priority, which does.
/// </para>
/// </summary>
internal sealed partial class EngineThreads : IDisposable
{
    private readonly BlockingCollection<Action> _statements = [];
    private readonly BlockingCollection<Action> _completions = [];
    private readonly List<Thread> _threads = [];
    private int _serving;

    public EngineThreads(int count, int nice)
    {
        _serving = count;
        for (var i = 0; i < count; i++)
        {
            var thread = new Thread(() =>
            {
                Serve(_statements, nice);
                // The last engine thread to stop closes the completions, after its own last one.
                if (Interlocked.Decrement(ref _serving) == 0) _completions.CompleteAdding();
            }) { IsBackground = true, Name = $"ClickHouse engine {i + 1}" };
            _threads.Add(thread);
        }
        _threads.Add(new Thread(() => Serve(_completions, nice: 0)) { IsBackground = true, Name = "ClickHouse completions" });
        foreach (var thread in _threads) thread.Start();
    }

    /// <summary>Runs <paramref name="work"/> on one of the engine threads; what awaits it goes on at its own priority.</summary>
    public Task<T> Run<T>(Func<T> work, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _statements.Add(() =>
        {
            if (cancellationToken.IsCancellationRequested)
            {
                _completions.Add(() => done.TrySetCanceled(cancellationToken));
                return;
            }
            try
            {
                var result = work();
                _completions.Add(() => done.TrySetResult(result));
            }
            catch (Exception error)
            {
                _completions.Add(() => done.TrySetException(error));
            }
        }, CancellationToken.None);
        return done.Task;
    }

    private static void Serve(BlockingCollection<Action> queue, int nice)
    {
        if (nice != 0 && OperatingSystem.IsLinux()) _ = SetPriority(0, GetThreadId(), nice); // best effort: a refusal leaves the default
        foreach (var action in queue.GetConsumingEnumerable()) action();
    }

    /// <summary>
    /// Takes no more statements and waits up to <paramref name="timeout"/> for those queued or running to
    /// end and their tasks to complete. True when every thread has stopped: only then may the connections
    /// be closed, since closing one under a running statement frees memory the engine is still using.
    /// </summary>
    public bool Stop(TimeSpan timeout)
    {
        _statements.CompleteAdding();
        var deadline = DateTime.UtcNow + timeout;
        return _threads.All(thread => thread.Join(TimeSpan.FromTicks(Math.Max(0, (deadline - DateTime.UtcNow).Ticks))));
    }

    public void Dispose() => Stop(TimeSpan.Zero);

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}
