using ClickTrace.Core.Events;

namespace ClickTrace.Storage.Events;

/// <summary>Writes a batch of events to the store in one insert.</summary>
public interface IEventWriter
{
    /// <summary>
    /// Inserts the events of <paramref name="batch"/>. Writing the same batch again with the same
    /// <paramref name="deduplicationToken"/> stores it once.
    /// </summary>
    Task WriteRowsAsync(EventRowBatch batch, string? deduplicationToken = null, CancellationToken cancellationToken = default);
}

public static class EventWriterExtensions
{
    /// <summary>Inserts <paramref name="events"/> as one batch (see <see cref="IEventWriter.WriteRowsAsync"/>).</summary>
    public static async Task WriteAsync(this IEventWriter writer, IReadOnlyList<TrackedEvent> events, string? deduplicationToken = null, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0) return;
        using var batch = new EventRowBatch(events);
        await writer.WriteRowsAsync(batch, deduplicationToken, cancellationToken).ConfigureAwait(false);
    }
}
