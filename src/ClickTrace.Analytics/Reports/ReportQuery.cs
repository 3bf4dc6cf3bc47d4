using ClickTrace.Storage;

namespace ClickTrace.Analytics.Reports;

/// <summary>The filter every report shares: one site, one period. Bound as parameters, never spliced into SQL.</summary>
public sealed record ReportQuery(string SiteId, ReportPeriod Period)
{
    /// <summary>The WHERE clause matching <see cref="Parameters"/>.</summary>
    public const string Where = "site_id = {site:String} AND timestamp >= {from:DateTime64(3, 'UTC')} AND timestamp < {to:DateTime64(3, 'UTC')}";

    public QueryParameters Parameters() => new QueryParameters()
        .Add("site", SiteId)
        .Add("from", Period.From)
        .Add("to", Period.To)
        .Add("tz", Period.TimeZone.Id);
}
