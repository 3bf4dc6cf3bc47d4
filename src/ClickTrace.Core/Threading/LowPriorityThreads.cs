using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace ClickTrace.Core.Threading;

/// <summary>
/// Threads for background work that must yield to request handling: a fixed set of their own, not the
/// .NET pool, at a lower CPU priority (a higher Linux nice value). The embedded engine's statements run
/// on them (a statement blocks its thread in native code for its whole duration, and the engine's own
/// worker and merge threads are created by these threads and inherit their priority), and so does the
/// shipper's decoding of the log. On a busy machine the collector answers first and the background work
/// catches up with whatever CPU is left; on an idle machine it runs at full speed.
/// <para>
/// A thread inherits its creator's priority, and the .NET pool adds threads from whichever thread queues
/// work. So a low-priority thread never completes a task itself (its continuations would be queued from
/// it): it hands the result to one completion thread at normal priority, which does. For the same reason
/// the work given to <see cref="Run{T}"/> must be synchronous and must not queue work to the pool.
/// </para>
/// </summary>
public sealed partial class LowPriorityThreads : IDisposable
{
    private readonly BlockingCollection<Action> _statements = [];
    private readonly BlockingCollection<Action> _completions = [];
    private readonly List<Thread> _threads = [];
    private int _serving;

    /// <param name="name">The threads' name (shown by <c>top -H</c> and profilers), numbered when there are several.</param>
    /// <param name="count">How many threads run work side by side.</param>
    /// <param name="nice">Their Linux nice value, 0 (as request handling) to 19 (a small share when the CPU is busy).</param>
    /// <param name="idle">
    /// Run them under Linux's idle policy (SCHED_IDLE) instead: below nice 19, they get only the CPU time that no
    /// other thread wants, and a busy machine leaves them almost none.
    /// </param>
    public LowPriorityThreads(string name, int count, int nice, bool idle = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(nice);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nice, 19);
        _serving = count;
        for (var i = 0; i < count; i++)
        {
            var thread = new Thread(() =>
            {
                Serve(_statements, nice, idle);
                // The last worker to stop closes the completions, after its own last one.
                if (Interlocked.Decrement(ref _serving) == 0) _completions.CompleteAdding();
            }) { IsBackground = true, Name = count == 1 ? name : $"{name} {i + 1}" };
            _threads.Add(thread);
        }
        _threads.Add(new Thread(() => Serve(_completions, nice: 0, idle: false)) { IsBackground = true, Name = $"{name} completions" });
        foreach (var thread in _threads) thread.Start();
    }

    /// <summary>Runs <paramref name="work"/> on one of the threads; what awaits it goes on at its own priority.</summary>
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

    private static void Serve(BlockingCollection<Action> queue, int nice, bool idle)
    {
        // Best effort: a refusal leaves the default. Threads this one creates (the engine's) inherit both.
        if (nice != 0 && OperatingSystem.IsLinux()) _ = SetPriority(0, GetThreadId(), nice);
        if (idle && OperatingSystem.IsLinux())
        {
            var priority = 0; // struct sched_param { int sched_priority; }, 0 for SCHED_IDLE
            _ = SetScheduler(0, SchedIdle, ref priority);
        }
        foreach (var action in queue.GetConsumingEnumerable()) action();
    }

    /// <summary>
    /// Takes no more work and waits up to <paramref name="timeout"/> for what is queued or running to end
    /// and its tasks to complete. True when every thread has stopped (the embedded engine's connections
    /// may be closed only then: closing one under a running statement frees memory the engine still uses).
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

    private const int SchedIdle = 5;

    [LibraryImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    private static partial int SetScheduler(int pid, int policy, ref int param);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}
