using ClickTrace.Core.Threading;

namespace ClickTrace.Storage.Tests.Embedded;

public sealed class LowPriorityThreadsTests
{
    [Fact]
    public async Task Work_runs_on_its_own_threads_at_the_configured_nice_value_never_on_the_callers_thread()
    {
        using var threads = new LowPriorityThreads("test", count: 2, nice: 7);

        var (nice, thread) = await threads.Run(() => (OwnNice(), Environment.CurrentManagedThreadId), CancellationToken.None);

        Assert.Equal(7, nice);
        Assert.NotEqual(Environment.CurrentManagedThreadId, thread);
        Assert.Equal(0, OwnNice());
    }

    [Fact]
    public async Task Idle_threads_run_under_the_idle_policy_and_what_awaits_them_does_not()
    {
        using var threads = new LowPriorityThreads("test", count: 1, nice: 0, idle: true);

        var policy = await threads.Run(OwnPolicy, CancellationToken.None);

        Assert.Equal(SchedIdle, policy);
        Assert.Equal(0, OwnPolicy()); // SCHED_OTHER: the continuation came back through the completion thread
    }

    [Fact]
    public async Task Failing_work_fails_its_task_and_the_thread_goes_on()
    {
        using var threads = new LowPriorityThreads("test", count: 1, nice: 0);

        await Assert.ThrowsAsync<InvalidOperationException>(() => threads.Run<int>(() => throw new InvalidOperationException("boom"), CancellationToken.None));

        Assert.Equal(42, await threads.Run(() => 42, CancellationToken.None));
    }

    private const int SchedIdle = 5;

    /// <summary>The calling thread's scheduling policy, field 41 of /proc/thread-self/stat.</summary>
    private static int OwnPolicy()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[38], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The calling thread's nice value, field 19 of /proc/thread-self/stat (after the parenthesised name).</summary>
    private static int OwnNice()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture);
    }
}
