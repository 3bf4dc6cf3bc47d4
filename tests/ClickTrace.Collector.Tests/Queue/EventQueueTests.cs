using ClickTrace.Collector.Queue;
using Microsoft.Extensions.Options;

namespace ClickTrace.Collector.Tests.Queue;

public sealed class EventQueueTests
{
    private static EventQueue Queue(int capacity) => new(Options.Create(new CollectorOptions { QueueCapacity = capacity }));

    [Fact]
    public void A_batch_that_does_not_fit_is_refused_whole()
    {
        var queue = Queue(100);

        Assert.True(queue.TryEnqueue(Enumerable.Range(0, 60).Select(Build.Event).ToList()));
        Assert.False(queue.TryEnqueue(Enumerable.Range(0, 41).Select(Build.Event).ToList()));
        Assert.True(queue.TryEnqueue(Enumerable.Range(0, 40).Select(Build.Event).ToList()));
        Assert.Equal(100, queue.Pending);
    }

    [Fact]
    public void Events_hold_their_room_until_stored()
    {
        var queue = Queue(100);
        queue.TryEnqueue(Enumerable.Range(0, 100).Select(Build.Event).ToList());

        Assert.True(queue.Reader.TryRead(out var taken));
        Assert.False(queue.TryEnqueue([Build.Event()]));

        queue.Stored(taken!.Count);
        Assert.True(queue.TryEnqueue([Build.Event()]));
    }

    [Fact]
    public async Task Concurrent_producers_never_exceed_the_capacity()
    {
        var queue = Queue(1000);

        var accepted = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => queue.TryEnqueue(Enumerable.Range(0, 7).Select(Build.Event).ToList()))));

        Assert.Equal(accepted.Count(a => a) * 7, queue.Pending);
        Assert.True(queue.Pending <= 1000);
    }
}
