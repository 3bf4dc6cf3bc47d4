using Bunit;
using ClickTrace.Analytics.Reports;
using ClickTrace.Server.Components.Shared;

namespace ClickTrace.Server.Tests.Components.Shared;

public sealed class ReportQueryFieldsTests : BunitContext
{
    private static Dictionary<string, string[]> Fields(IRenderedComponent<ReportQueryFields> fields) =>
        fields.FindAll("input[type=hidden]").GroupBy(i => i.GetAttribute("name")!).ToDictionary(g => g.Key, g => g.Select(i => i.GetAttribute("value")!).ToArray());

    [Fact]
    public void A_custom_range_and_every_filter_go_along_with_the_form()
    {
        var fields = Fields(Render<ReportQueryFields>(p => p.Add(f => f.Site, "shop").Add(f => f.Period, ReportPeriods.Custom).Add(f => f.From, "2026-11-01").Add(f => f.To, "2026-11-15")
            .Add(f => f.Filters, [new ReportFilter("device", "mobile"), new ReportFilter("page", "/cart")])));

        Assert.Equal(["shop"], fields["site"]);
        Assert.Equal(["custom"], fields["period"]);
        Assert.Equal(["2026-11-01"], fields["from"]);
        Assert.Equal(["2026-11-15"], fields["to"]);
        Assert.Equal(["device:mobile", "page:/cart"], fields["filter"]);
    }

    [Fact]
    public void A_preset_period_carries_no_range() =>
        Assert.False(Fields(Render<ReportQueryFields>(p => p.Add(f => f.Period, "7d").Add(f => f.From, "2026-11-01"))).ContainsKey("from"));
}
