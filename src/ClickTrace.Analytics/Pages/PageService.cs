using ClickTrace.Analytics.Funnels;
using ClickTrace.Analytics.Reports;
using ClickTrace.Storage;

namespace ClickTrace.Analytics.Pages;

/// <summary>The page microscope: six small engine queries run together, <see cref="PageShaping"/> shapes cells and bands.</summary>
public sealed class PageService(IClickHouse store)
{
    /// <param name="page">A path, exact or with * wildcards.</param>
    public async Task<PageReport> GetAsync(ReportQuery query, string page, CancellationToken cancellationToken = default)
    {
        var parameters = query.Parameters().Add("page", PathPattern.Value(page));
        Task<QueryResult> Run(string sql) => store.QueryAsync(query, PageQueries.For(sql, page), parameters, cancellationToken);
        var totals = Run(PageQueries.Totals);
        var heat = Run(PageQueries.Heat);
        var scroll = Run(PageQueries.Scroll);
        var elements = Run(PageQueries.Elements);
        var fields = Run(PageQueries.Fields);
        var errors = Run(PageQueries.Errors);
        await Task.WhenAll(totals, heat, scroll, elements, fields, errors).ConfigureAwait(false);

        var t = (await totals.ConfigureAwait(false)).Rows.Single();
        var s = (await scroll.ConfigureAwait(false)).Rows.Single();
        return new PageReport(query.SiteId, query.Period.From, query.Period.To, page, Cells.Long(t[0]), Cells.Long(t[1]), (string)t[2]!,
            (await heat.ConfigureAwait(false)).Rows.Select(r => PageShaping.Cell(Cells.Int(r[0]), Cells.Int(r[1]), Cells.Long(r[2]))).ToList(),
            PageShaping.Scroll(((object?[])s[0]!).Select(Cells.Long).ToList(), Cells.Long(s[1])),
            (await elements.ConfigureAwait(false)).Rows.Select(r => new ElementRow((string)r[0]!, (string)r[1]!, (string)r[2]!,
                Cells.Long(r[3]), Cells.Long(r[4]), Cells.Long(r[5]), Cells.Long(r[6]), Cells.Long(r[7]), Cells.Long(r[8]))).ToList(),
            (await fields.ConfigureAwait(false)).Rows.Select(r => new FieldRow((string)r[0]!, (string)r[1]!, (string)r[2]!,
                Cells.Long(r[3]), Cells.Long(r[4]), TimeSpan.FromMilliseconds(Cells.Double(r[5])),
                FunnelShaping.Share(Cells.Long(r[6]), Cells.Long(r[3])), Cells.Long(r[7]))).ToList(),
            (await errors.ConfigureAwait(false)).Rows.Select(r => new ErrorRow((string)r[0]!, (string)r[1]!, Cells.Int(r[2]), Cells.Long(r[3]), Cells.Long(r[4]))).ToList());
    }
}
