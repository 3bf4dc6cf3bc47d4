using ClickTrace.Analytics.Reports;

namespace ClickTrace.Analytics.Tests.Reports;

public sealed class ReportFilterTests
{
    [Theory]
    [InlineData("device:mobile", "device", "mobile")]
    [InlineData("campaign:winter:sale", "campaign", "winter:sale")]
    [InlineData("prop.plan:pro", "prop.plan", "pro")]
    [InlineData("page:/product/*", "page", "/product/*")]
    [InlineData("country:de", "country", "DE")]
    public void A_filter_is_a_dimension_and_everything_after_the_first_colon(string text, string dimension, string value) =>
        Assert.Equal(new ReportFilter(dimension, value), ReportFilter.TryParse(text, out _));

    [Theory]
    [InlineData("mobile", "dimension:value")]
    [InlineData(":mobile", "dimension:value")]
    [InlineData("planet:mars", "Unknown filter dimension 'planet'")]
    [InlineData("device:", "1 to 512")]
    [InlineData("country:Germany", "two-letter ISO 3166 code")]
    [InlineData("page:product", "starting with '/'")]
    [InlineData("prop.:x", "Unknown filter dimension")]
    public void A_bad_filter_is_refused_with_a_reason(string text, string says)
    {
        Assert.Null(ReportFilter.TryParse(text, out var error));
        Assert.Contains(says, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_previous_period_has_the_same_length_and_ends_where_this_one_starts()
    {
        var period = ReportPeriod.TryResolve("custom", "2026-11-08", "2026-11-14", "UTC", DateTimeOffset.UtcNow, out _)!;

        var previous = period.Previous();

        Assert.Equal((new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), period.From), (previous.From, previous.To));
    }

    [Fact]
    public void Filter_values_are_bound_and_each_filter_adds_a_session_condition()
    {
        var query = new ReportQuery("s", ReportPeriod.TryResolve("7d", null, null, "UTC", DateTimeOffset.UtcNow, out _)!,
            [new("device", "x' OR 1=1 --"), new("prop.plan", "pro")]);

        var sql = query.Expand($"SELECT 1 FROM events WHERE {ReportQuery.Where}");

        Assert.DoesNotContain("OR 1=1", sql, StringComparison.Ordinal);
        Assert.Contains("device = {filter1:String}", sql, StringComparison.Ordinal);
        Assert.Contains("props[{filter2_key:String}] = {filter2:String}", sql, StringComparison.Ordinal);
        Assert.Equal(2, sql.Split("session_id IN").Length - 1);
    }
}
