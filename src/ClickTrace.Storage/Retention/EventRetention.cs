using System.Globalization;
using System.Text.RegularExpressions;
using ClickTrace.Storage.Schema;

namespace ClickTrace.Storage.Retention;

/// <summary>
/// How long events are kept, in the store: the tables' TTL (the server's <c>Storage:RetentionDays</c>, the
/// longest any site keeps them) brought up to date when that setting changes, and a site's shorter retention
/// applied by deleting its older events and rollup rows.
/// </summary>
public sealed partial class EventRetention(IClickHouse store)
{
    /// <summary>Each table with events or their rollups, and the time its TTL counts from.</summary>
    public static readonly IReadOnlyDictionary<string, string> Tables = new Dictionary<string, string>
    {
        ["events"] = "toDateTime(timestamp)",
        ["overview_buckets"] = "bucket", ["link_buckets"] = "bucket", ["visit_buckets"] = "bucket",
        // A day's rows, and its names, are kept until the end of their day: they outlive the visits that use them, never the reverse.
        ["overview_days"] = "until", ["page_days"] = "until", ["click_days"] = "until", ["visit_names"] = "until",
    };

    /// <summary>
    /// Sets the TTL of every table to <paramref name="days"/> where it says otherwise (the migrations wrote
    /// the setting of their day). Returns the tables changed. The engine rewrites the TTL of stored parts
    /// in the background, so a longer retention also spares parts written under the shorter one.
    /// </summary>
    public async Task<IReadOnlyList<string>> ApplyTableTtlAsync(int days, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var changed = new List<string>();
        foreach (var (table, from) in Tables)
        {
            var target = Local(table);
            var row = (await store.QueryAsync(
                "SELECT engine_full FROM system.tables WHERE database = currentDatabase() AND name = {table:String}",
                new QueryParameters().Add("table", target), cancellationToken).ConfigureAwait(false)).Rows.FirstOrDefault();
            if (row is null || TtlDays((string)row[0]!) == days) continue;
            // DDL takes no bound parameters: the days are a validated integer, the names fixed in this class.
            await store.ExecuteAsync(
                $"ALTER TABLE {target}{OnCluster} MODIFY TTL {from} + INTERVAL {days.ToString(CultureInfo.InvariantCulture)} DAY",
                cancellationToken: cancellationToken).ConfigureAwait(false);
            changed.Add(table);
        }
        return changed;
    }

    /// <summary>
    /// Deletes the events and rollup rows of <paramref name="siteId"/> from before <paramref name="before"/>;
    /// a table with none is left alone (a delete is a mutation of its parts). Returns the events deleted.
    /// </summary>
    public async Task<long> DeleteBeforeAsync(string siteId, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var parameters = new QueryParameters().Add("site", siteId).Add("before", before);
        long events = 0;
        foreach (var (table, from) in Tables)
        {
            var time = table == "events" ? "timestamp" : from;
            var where = $"site_id = {{site:String}} AND {time} < {{before:DateTime64(3, 'UTC')}}";
            var count = Convert.ToInt64((await store.QueryAsync($"SELECT count() FROM {table} WHERE {where}", parameters, cancellationToken).ConfigureAwait(false)).Scalar(), CultureInfo.InvariantCulture);
            if (count == 0) continue;
            await store.ExecuteAsync($"DELETE FROM {Local(table)}{OnCluster} WHERE {where}", parameters, cancellationToken).ConfigureAwait(false);
            if (table == "events") events = count;
        }
        return events;
    }

    /// <summary>The days of a TTL "... + toIntervalDay(N)" in a table's engine description, or null.</summary>
    internal static int? TtlDays(string engineFull) =>
        TtlInterval().Match(engineFull) is { Success: true } m ? int.Parse(m.Groups["days"].Value, CultureInfo.InvariantCulture) : null;

    private string OnCluster => store.Cluster is { } cluster ? $" ON CLUSTER {cluster}" : "";

    // On a cluster the rows live in each shard's local table, behind the Distributed one.
    private string Local(string table) => store.Cluster is null ? table : table + ClusterDdl.LocalSuffix;

    [GeneratedRegex(@"\bTTL\b.*?toIntervalDay\((?<days>\d+)\)", RegexOptions.Singleline)]
    private static partial Regex TtlInterval();
}
