using System.Collections.Concurrent;
using System.Threading.Channels;
using System.Text.Json;
using ClickTrace.Collector.Enrichment;
using ClickTrace.Collector.Ingestion;
using ClickTrace.Collector.Log;
using ClickTrace.Core.Events;
using Microsoft.Extensions.Options;
using ClickTrace.Core.Sites;
using ClickTrace.Core.Wire;
using ClickTrace.Storage.Events;
using ClickTrace.Storage.Salts;
using ClickTrace.Storage.Sites;

namespace ClickTrace.Collector.Tests;

/// <summary>Sites held in memory, counting how often the collector asked for them.</summary>
internal sealed class InMemorySiteStore(params Site[] sites) : ISiteStore
{
    private readonly ConcurrentDictionary<string, Site> _sites = new(sites.ToDictionary(s => s.Id));
    public int Lists;

    /// <summary>While set, a list waits for it (a busy store); an exception set on it fails the list (a store that is down).</summary>
    public TaskCompletionSource? Hold;

    public async Task<IReadOnlyList<Site>> ListAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref Lists);
        if (Hold is { } hold) await hold.Task.WaitAsync(cancellationToken);
        return _sites.Values.ToList();
    }

    public Task<Site?> FindAsync(string siteId, CancellationToken cancellationToken = default) => Task.FromResult(_sites.GetValueOrDefault(siteId));

    public Task SaveAsync(Site site, CancellationToken cancellationToken = default)
    {
        _sites[site.Id] = site;
        return Task.CompletedTask;
    }
}

/// <summary>One salt for every day.</summary>
internal sealed class FixedSaltStore : ISaltStore
{
    public Task<byte[]> GetOrCreateAsync(DateOnly day, CancellationToken cancellationToken = default) => Task.FromResult(new byte[] { 1, 2, 3 });
}

/// <summary>Records the batches the shipper writes and their tokens; can be told to fail the next writes.</summary>
internal sealed class RecordingEventWriter : IEventWriter
{
    private readonly Channel<IReadOnlyList<TrackedEvent>> _written = Channel.CreateUnbounded<IReadOnlyList<TrackedEvent>>();
    public readonly ConcurrentQueue<string?> Tokens = new();
    public int FailuresLeft;
    public int Attempts;
    public Action? OnWrite;

    /// <summary>
    /// Completes once the first write's outcome is decided (it failed or it succeeded), so that a test changing
    /// <see cref="FailuresLeft"/> afterwards cannot turn that first attempt into a success behind its back.
    /// </summary>
    public readonly TaskCompletionSource FirstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WriteRowsAsync(EventRowBatch batch, string? deduplicationToken = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref Attempts);
        OnWrite?.Invoke();
        var fails = Interlocked.Decrement(ref FailuresLeft) >= 0;
        FirstAttempt.TrySetResult();
        if (fails) throw new IOException("store unavailable");
        Tokens.Enqueue(deduplicationToken);
        _written.Writer.TryWrite(EventRows.Read(batch.Rows.Span));
        return Task.CompletedTask;
    }

    /// <summary>The next batch written, or a timeout failure after 10 s of real time.</summary>
    public async Task<IReadOnlyList<TrackedEvent>> NextBatchAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _written.Reader.ReadAsync(timeout.Token);
    }

    public bool TryTakeBatch(out IReadOnlyList<TrackedEvent>? batch) => _written.Reader.TryRead(out batch);
}

internal static class Build
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public static WireEvent Pageview(string? id = null) => new()
    {
        Id = id ?? Guid.NewGuid().ToString(), Type = "pageview", Timestamp = Now.ToUnixTimeMilliseconds(),
        Url = "https://shop.example/products?x=1", Title = "Products", ViewportWidth = 1280, ViewportHeight = 800,
    };

    public static WireBatch Batch(params WireEvent[] events) => new()
    {
        Version = 1, Site = "shop", SessionId = "00000000000000ff", VisitorId = "0000000000000aaa", Events = events.ToList(),
    };

    /// <summary>A logged request: <paramref name="events"/> page views of one session, as the collector logs them.</summary>
    public static BatchRecord Record(int events, ulong session = 0) => new(
        Now, WireEncoding.Json, session, session, "Mozilla/5.0",
        JsonSerializer.SerializeToUtf8Bytes(Batch(Enumerable.Range(0, events).Select(_ => Pageview()).ToArray()), WireJsonContext.Default.WireBatch));

    private static readonly Lazy<BatchEnricher> SharedEnricher = new(() => new(Options.Create(new CollectorOptions()), new UserAgentClassifier(), new ReferrerClassifier()));

    /// <summary>The shipper's enrichment with default options (its classifiers load their data once per test run).</summary>
    public static BatchEnricher Enricher => SharedEnricher.Value;
}
