namespace ClickTrace.Collector.Ingestion;

/// <summary>Why an event was not stored. Every drop has one, and drops are counted per reason.</summary>
public enum DropReason
{
    /// <summary>The event had no id, or its id was not a UUID.</summary>
    InvalidId,

    /// <summary>The event type is not one ClickTrace records.</summary>
    UnknownType,

    /// <summary>A custom event without a name.</summary>
    MissingName,

    /// <summary>The same event id appeared twice in one batch.</summary>
    DuplicateInBatch,

    /// <summary>
    /// The event id was stored a moment ago (within <see cref="CollectorOptions.RecentIdsWindow"/>): a client
    /// sent its batch again because it never saw the answer (a page left mid-request, a dropped connection).
    /// </summary>
    DuplicateRecent,

    /// <summary>A log record that passed its checksum but could not be decoded (written by an incompatible version).</summary>
    UnreadableLogRecord,
}
