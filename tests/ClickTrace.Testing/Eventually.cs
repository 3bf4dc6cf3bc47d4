using System.Diagnostics;

namespace ClickTrace.Testing;

/// <summary>
/// Waits for an eventually consistent outcome (events shipped, a page updated) by probing until it holds
/// or a deadline passes; the deadline is a failure, never a pass.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (clock.Elapsed > limit) throw new TimeoutException($"Timed out after {limit.TotalSeconds:0} s waiting for {what}; last value: {value}");
            await Task.Delay(PollInterval);
        }
    }
}
