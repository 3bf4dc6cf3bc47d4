using ClickTrace.Collector.Enrichment;
using ClickTrace.Collector.Sites;
using ClickTrace.Core.Events;
using ClickTrace.Core.Wire;
using Microsoft.Extensions.Options;

namespace ClickTrace.Collector.Ingestion;

/// <summary>
/// The ingestion steps in order: check the batch, check its site and origin, then for each event check
/// it (or drop it with a counted reason) and build the enriched event. Decoding happens before, queueing after.
/// </summary>
public sealed class IngestPipeline(
    IOptions<CollectorOptions> options, SiteRegistry sites, UserAgentClassifier userAgents, ReferrerClassifier referrers,
    VisitorIds visitorIds, CollectorMetrics metrics)
{
    public async ValueTask<IngestResult> RunAsync(WireBatch batch, IngestContext context, CancellationToken cancellationToken)
    {
        BatchRules.Check(batch, options.Value);
        var site = await sites.FindAsync(batch.Site!, cancellationToken).ConfigureAwait(false)
            ?? throw new BatchError(403, "Unknown site", $"No site has the key '{batch.Site}'. Create the site first, then use its key in data-site.");
        if (!site.Allows(context.Origin))
            throw new BatchError(403, "Origin not allowed", $"Site '{site.Id}' does not accept events from origin '{context.Origin ?? "(none)"}'.");

        var facts = await FactsAsync(batch, site.Id, context, cancellationToken).ConfigureAwait(false);
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
            events.Add(EventEnricher.Build(batch, wire, id, type, context, facts, referrers, options.Value));
        }
        return new IngestResult(events, drops);
    }

    /// <summary>The User-Agent's classes and the ids: the tag's own, or cookieless ones derived here.</summary>
    private async ValueTask<BatchFacts> FactsAsync(WireBatch batch, string siteId, IngestContext context, CancellationToken cancellationToken)
    {
        var agent = userAgents.Classify(context.UserAgent);
        var visitor = BatchRules.ParseId(batch.VisitorId)
            ?? await visitorIds.CookielessAsync(siteId, context.RemoteIp, context.UserAgent, cancellationToken).ConfigureAwait(false);
        return new BatchFacts(agent, BatchRules.ParseId(batch.SessionId) ?? visitor, visitor);
    }
}
