using ClickTrace.Collector.Enrichment;
using ClickTrace.Collector.Sites;
using ClickTrace.Core.Wire;
using Microsoft.Extensions.Options;

namespace ClickTrace.Collector.Ingestion;

/// <summary>
/// The request half of ingestion, everything that must be decided before the answer: check the batch,
/// its site and origin, each event (dropping with a counted reason), and work out the ids, which for a
/// cookieless visitor need the IP that is never stored. What it lets in is logged as it arrived; the
/// shipper's <see cref="BatchEnricher"/> does the rest, off the request path.
/// </summary>
public sealed class IngestPipeline(IOptions<CollectorOptions> options, SiteRegistry sites, VisitorIds visitorIds, CountryLookup countries, CollectorMetrics metrics)
{
    public async ValueTask<Admission> AdmitAsync(WireBatch batch, IReadOnlyList<EventKey> events, IngestContext context, CancellationToken cancellationToken)
    {
        BatchRules.Check(batch, events.Count, options.Value);
        var site = await sites.FindAsync(batch.Site!, cancellationToken).ConfigureAwait(false)
            ?? throw new BatchError(403, "Unknown site", $"No site has the key '{batch.Site}'. Create the site first, then use its key in data-site.");
        if (!site.Allows(context.Origin))
            throw new BatchError(403, "Origin not allowed", $"Site '{site.Id}' does not accept events from origin '{context.Origin ?? "(none)"}'.");

        var drops = new List<DropReason>();
        foreach (var reason in EventRules.CheckAll(events))
        {
            if (reason is not { } dropped) continue;
            drops.Add(dropped);
            metrics.Dropped(dropped);
        }
        var visitor = BatchRules.ParseId(batch.VisitorId)
            ?? await visitorIds.CookielessAsync(site.Id, context.RemoteIp, context.UserAgent, cancellationToken).ConfigureAwait(false);
        return new Admission(site.Id, BatchRules.ParseId(batch.SessionId) ?? visitor, visitor, events.Count - drops.Count, drops, countries.Find(context.RemoteIp));
    }
}
