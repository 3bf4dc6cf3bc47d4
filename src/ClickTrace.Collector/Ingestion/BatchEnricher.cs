using ClickTrace.Collector.Enrichment;
using ClickTrace.Collector.Log;
using ClickTrace.Core.Events;
using Microsoft.Extensions.Options;

namespace ClickTrace.Collector.Ingestion;

/// <summary>
/// The shipper's half of ingestion: a logged batch, as it arrived, becomes stored events. It decodes the
/// body the request already checked, drops what the request dropped (the same rules give the same
/// answer), and enriches the rest with the User-Agent's classes and the ids the request worked out.
/// </summary>
public sealed class BatchEnricher(IOptions<CollectorOptions> options, UserAgentClassifier userAgents, ReferrerClassifier referrers)
{
    public List<TrackedEvent> Enrich(BatchRecord record)
    {
        var batch = WireDecoder.Decode(record.Body, record.Encoding);
        var wire = batch.Events ?? [];
        var keys = wire.Select(EventKey.Of).ToList();
        var reasons = EventRules.CheckAll(keys);
        var context = new IngestContext(record.ReceivedAt, null, record.UserAgent);
        var facts = new BatchFacts(userAgents.Classify(record.UserAgent), record.SessionId, record.VisitorId, record.Country);
        var events = new List<TrackedEvent>(wire.Count);
        for (var i = 0; i < wire.Count; i++)
            if (reasons[i] is null)
                events.Add(EventEnricher.Build(batch, wire[i], keys[i].Id!.Value, keys[i].Type!.Value, context, facts, referrers, options.Value));
        return events;
    }
}
