using ClickTrace.Collector.Sites;
using ClickTrace.Core.Events;
using ClickTrace.Core.Wire;
using Microsoft.Extensions.Options;

namespace ClickTrace.Collector.Ingestion;

/// <summary>
/// The ingestion steps in order: check the batch, check its site and origin, then for each event check
/// it (or drop it with a counted reason) and build the enriched event. Decoding happens before, queueing after.
/// </summary>
public sealed class IngestPipeline(IOptions<CollectorOptions> options, SiteRegistry sites, CollectorMetrics metrics)
{
    public async ValueTask<IngestResult> RunAsync(WireBatch batch, IngestContext context, CancellationToken cancellationToken)
    {
        BatchRules.Check(batch, options.Value);
        var site = await sites.FindAsync(batch.Site!, cancellationToken).ConfigureAwait(false)
            ?? throw new BatchError(403, "Unknown site", $"No site has the key '{batch.Site}'. Create the site first, then use its key in data-site.");
        if (!site.Allows(context.Origin))
            throw new BatchError(403, "Origin not allowed", $"Site '{site.Id}' does not accept events from origin '{context.Origin ?? "(none)"}'.");

        var events = new List<TrackedEvent>(batch.Events!.Count);
        var drops = new List<DropReason>();
        var seen = new HashSet<Guid>();
        foreach (var wire in batch.Events)
        {
            var reason = EventRules.Check(wire, out var id, out var type);
            if (reason is null && !seen.Add(id)) reason = DropReason.DuplicateInBatch;
            if (reason is { } dropped)
            {
                drops.Add(dropped);
                metrics.Dropped(dropped);
                continue;
            }
            events.Add(EventEnricher.Build(batch, wire, id, type, context, options.Value));
        }
        return new IngestResult(events, drops);
    }
}
