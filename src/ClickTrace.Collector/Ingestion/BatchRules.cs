using System.Globalization;
using ClickTrace.Core.Sites;
using ClickTrace.Core.Wire;

namespace ClickTrace.Collector.Ingestion;

/// <summary>Step 2, validate the batch as a whole: version, site key, session, number of events. Failures refuse the batch.</summary>
public static class BatchRules
{
    public const int CurrentVersion = 1;

    public static void Check(WireBatch batch, int events, CollectorOptions options)
    {
        if (batch.Version != CurrentVersion)
            throw BatchError.BadRequest($"Unsupported wire-format version {batch.Version}; this collector speaks version {CurrentVersion}.");
        if (!Site.IsValidId(batch.Site))
            throw BatchError.BadRequest("'site' must be the site key from the tag's data-site attribute (1-64 letters, digits, '-', '_', '.').");
        if (batch.SessionId is not null && ParseId(batch.SessionId) is null)
            throw BatchError.BadRequest("'sid', when present, must be a session id of 16 hexadecimal digits.");
        if (batch.VisitorId is not null && ParseId(batch.VisitorId) is null)
            throw BatchError.BadRequest("'vid', when present, must be a visitor id of 16 hexadecimal digits.");
        if (events == 0)
            throw BatchError.BadRequest("'events' must hold at least one event.");
        if (events > options.MaxEventsPerBatch)
            throw BatchError.BadRequest($"A batch holds at most {options.MaxEventsPerBatch} events; this one holds {events}.");
    }

    /// <summary>Parses a 16-hex-digit id; null when it is not one.</summary>
    public static ulong? ParseId(string? text) =>
        text is { Length: 16 } && ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var id) ? id : null;
}
