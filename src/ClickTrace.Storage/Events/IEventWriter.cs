using ClickTrace.Core.Events;

namespace ClickTrace.Storage.Events;

/// <summary>Writes a batch of events to the store in one insert.</summary>
public interface IEventWriter
{
    /// <summary>
    /// Inserts <paramref name="events"/>. Writing the same batch again with the same
    /// <paramref name="deduplicationToken"/> stores it once.
    /// </summary>
    Task WriteAsync(IReadOnlyList<TrackedEvent> events, string? deduplicationToken = null, CancellationToken cancellationToken = default);
}
