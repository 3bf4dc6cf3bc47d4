using ClickTrace.Analytics.Reports;
using ClickTrace.Storage;

namespace ClickTrace.Analytics.Sessions;

/// <summary>A visitor's or customer's sessions: one engine query for the newest events, <see cref="SessionsShaping"/> cuts them into sessions.</summary>
public sealed class SessionsService(IClickHouse store)
{
    public const int MaxEvents = 5000;

    private const string Columns = "session_id, visitor_id, timestamp, type, path, title, selector, text, href, name, duration_ms, toString(revenue), currency";

    public Task<SessionsReport> ForVisitorAsync(ReportQuery query, ulong visitorId, CancellationToken cancellationToken = default) =>
        GetAsync(query, "visitor_id = {visitor:UInt64}", query.Parameters().Add("visitor", visitorId), SessionsShaping.Hex(visitorId), null, cancellationToken);

    /// <summary>Every visitor the customer id was given to (<c>clicktrace.identify</c>) in the period.</summary>
    public Task<SessionsReport> ForCustomerAsync(ReportQuery query, string customerId, CancellationToken cancellationToken = default) =>
        GetAsync(query, $"visitor_id IN (SELECT visitor_id FROM events WHERE {ReportQuery.Where} AND type = 'identify' AND name = {{customer:String}})",
            query.Parameters().Add("customer", customerId), null, customerId, cancellationToken);

    private async Task<SessionsReport> GetAsync(ReportQuery query, string who, QueryParameters parameters, string? visitor, string? customer, CancellationToken cancellationToken)
    {
        // The newest events, one more than shown to tell whether any were left out; then back in time order.
        var sql = $"""
            SELECT * FROM
            (
                SELECT {Columns}
                FROM events
                WHERE {ReportQuery.Where} AND {who} AND type != 'impression'
                ORDER BY timestamp DESC, event_id
                LIMIT {MaxEvents + 1}
            )
            ORDER BY timestamp, type, path
            """;
        var rows = (await store.QueryAsync(query, sql, parameters, cancellationToken).ConfigureAwait(false)).Rows;
        var truncated = rows.Count > MaxEvents;
        var events = rows.Skip(truncated ? 1 : 0).Select(r => new SessionEvent((ulong)r[0]!, (ulong)r[1]!, new TimelineEvent(
            new DateTimeOffset((DateTime)r[2]!, TimeSpan.Zero), (string)r[3]!, (string)r[4]!, (string)r[5]!, (string)r[6]!, (string)r[7]!, (string)r[8]!,
            (string)r[9]!, Cells.Long(r[10]), Cells.Decimal(r[11]), (string)r[12]!)));
        return new SessionsReport(query.SiteId, query.Period.From, query.Period.To, visitor, customer, truncated, SessionsShaping.Timelines(events));
    }
}
