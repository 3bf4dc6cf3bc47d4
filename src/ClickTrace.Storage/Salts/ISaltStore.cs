namespace ClickTrace.Storage.Salts;

/// <summary>
/// The daily salts of cookieless visitor ids, shared by every collector through the store. A day's salt
/// is random; the first one written for a day wins; salts of past days are deleted, so that a visitor
/// id of one day cannot be linked to another day's.
/// </summary>
public interface ISaltStore
{
    /// <summary>The salt of <paramref name="day"/>, created when there is none yet.</summary>
    Task<byte[]> GetOrCreateAsync(DateOnly day, CancellationToken cancellationToken = default);
}
