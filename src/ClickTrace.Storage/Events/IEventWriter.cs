using ClickTrace.Core.Events;

namespace ClickTrace.Storage.Events;

/// <summary>Writes a batch of events to the store in one insert.</summary>
public interface IEventWriter
{
    Task WriteAsync(IReadOnlyList<TrackedEvent> events, CancellationToken cancellationToken = default);
}
