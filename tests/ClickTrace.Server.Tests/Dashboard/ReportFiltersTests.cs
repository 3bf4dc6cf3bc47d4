using ClickTrace.Analytics.Reports;
using ClickTrace.Server.Components.Shared;

namespace ClickTrace.Server.Tests.Dashboard;

public sealed class ReportFiltersTests
{
    [Fact]
    public void Filters_read_from_the_url_drop_repeats_and_write_back_the_same()
    {
        var (filters, error) = ReportFilters.Parse(["device:mobile", "page:/cart", "device:mobile"]);

        Assert.Null(error);
        Assert.Equal([new ReportFilter("device", "mobile"), new ReportFilter("page", "/cart")], filters);
        Assert.Equal(["device:mobile", "page:/cart", "source:ads"], ReportFilters.With(filters, added: new ReportFilter("source", "ads")));
        Assert.Equal(["page:/cart"], ReportFilters.With(filters, removed: new ReportFilter("device", "mobile")));
    }

    [Fact]
    public void A_bad_or_eleventh_filter_is_refused_with_a_message()
    {
        Assert.Contains("Unknown filter dimension", ReportFilters.Parse(["colour:red"]).Error, StringComparison.Ordinal);
        Assert.Contains("At most 10", ReportFilters.Parse(Enumerable.Range(0, 11).Select(i => $"page:/p{i}")).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("device", " mobile ", "device:mobile")]
    [InlineData("prop.", "plan:pro", "prop.plan:pro")]
    [InlineData("page", "/checkout/*", "page:/checkout/*")]
    public void The_filter_form_reads_a_dimension_and_a_value(string dimension, string value, string filter) =>
        Assert.Equal(filter, ReportFilters.Text(ReportFilters.FromForm(dimension, value).Filter!));

    [Fact]
    public void The_filter_form_offers_every_dimension_and_custom_properties() =>
        Assert.Equal([.. ReportFilter.Dimensions.Keys, "prop."], ReportFilters.Choices);
}
