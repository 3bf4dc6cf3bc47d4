using ClickTrace.Analytics.Funnels;

namespace ClickTrace.Analytics.Abandonment;

/// <summary>Shares, ordering and limits of the abandonment report: plain C#, unit-tested without a database.</summary>
public static class AbandonmentShaping
{
    public const int MaxRows = 50;

    /// <param name="destinations">Next page → visitors; the empty path means they left.</param>
    public static IReadOnlyList<Destination> Destinations(IReadOnlyDictionary<string, long> destinations, long abandoned) =>
        destinations
            .Select(d => new Destination(d.Key.Length == 0 ? null : d.Key, d.Value, FunnelShaping.Share(d.Value, abandoned)))
            .OrderByDescending(d => d.Visitors).ThenBy(d => d.Path is not null).ThenBy(d => d.Path, StringComparer.Ordinal)
            .Take(MaxRows).ToList();

    /// <param name="fields">Field → visitors who left at it; the empty name means no field was used.</param>
    /// <param name="medianMilliseconds">Field → the median time in it.</param>
    public static IReadOnlyList<LastField> Fields(IReadOnlyDictionary<string, long> fields, IReadOnlyDictionary<string, double> medianMilliseconds, long abandoned) =>
        fields.Where(f => f.Key.Length > 0)
            .Select(f => new LastField(f.Key, f.Value, FunnelShaping.Share(f.Value, abandoned), TimeSpan.FromMilliseconds(medianMilliseconds.GetValueOrDefault(f.Key))))
            .OrderByDescending(f => f.Visitors).ThenBy(f => f.Field, StringComparer.Ordinal)
            .Take(MaxRows).ToList();

    /// <param name="clicks">"type|selector" → clicks.</param>
    /// <param name="visitors">"type|selector" → visitors.</param>
    public static IReadOnlyList<FrustrationRow> Frustration(IReadOnlyDictionary<string, long> clicks, IReadOnlyDictionary<string, long> visitors) =>
        clicks
            .Select(c =>
            {
                var bar = c.Key.IndexOf('|', StringComparison.Ordinal);   // the type never holds one; the selector may
                return new FrustrationRow(c.Key[..bar], c.Key[(bar + 1)..], c.Value, visitors.GetValueOrDefault(c.Key));
            })
            .OrderByDescending(f => f.Visitors).ThenByDescending(f => f.Clicks).ThenBy(f => f.Type, StringComparer.Ordinal).ThenBy(f => f.Selector, StringComparer.Ordinal)
            .Take(MaxRows).ToList();

    public static string Id(ulong id) => id.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
