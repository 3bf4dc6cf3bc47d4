using ClickTrace.Analytics.Funnels;

namespace ClickTrace.Analytics.Tests.Funnels;

public sealed class FunnelDefinitionTests
{
    private static FunnelStep Page(string path) => new(FunnelStepKind.Page, path);

    [Fact]
    public void A_funnel_of_two_pages_and_an_any_of_within_a_day_is_valid()
    {
        var funnel = new FunnelDefinition([Page("/"), new(FunnelStepKind.AnyOf, AnyOf: [Page("/a/*"), new(FunnelStepKind.Custom, "x")])], TimeSpan.FromDays(1));

        Assert.Empty(funnel.Validate());
    }

    [Fact]
    public void Every_problem_is_named_with_its_step()
    {
        var funnel = new FunnelDefinition(
        [
            Page("cart"),
            new(FunnelStepKind.Step, " "),
            new(FunnelStepKind.AnyOf, AnyOf: [Page("/a")]),
            new(FunnelStepKind.AnyOf, AnyOf: [Page("/a"), new(FunnelStepKind.AnyOf, AnyOf: [Page("/b"), Page("/c")])]),
            new(FunnelStepKind.Custom, new string('x', 600)),
        ], TimeSpan.FromDays(91));

        Assert.Equal(
        [
            "The conversion window is from 1 second to 90 days.",
            "Step 1: a page is a path starting with '/' (use * as a wildcard).",
            "Step 2: a Step step needs a value.",
            "Step 3: 'any of' needs 2 to 10 alternatives.",
            "Step 4, alternative 2: 'any of' cannot hold another 'any of'.",
            "Step 5: the value is longer than 512 characters.",
        ], funnel.Validate());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(21)]
    public void A_funnel_has_two_to_twenty_steps(int count)
    {
        var funnel = new FunnelDefinition(Enumerable.Range(0, count).Select(i => Page($"/{i}")).ToList(), TimeSpan.FromHours(1));

        Assert.Contains("A funnel has 2 to 20 steps.", funnel.Validate());
    }

    [Fact]
    public void Like_patterns_take_percent_underscore_and_backslash_literally()
    {
        Assert.Equal("/sale\\_100\\%%", ClickTrace.Analytics.Reports.PathPattern.Like("/sale_100%*"));
        Assert.Equal("/a\\\\b/%", ClickTrace.Analytics.Reports.PathPattern.Like("/a\\b/*"));
    }
}
