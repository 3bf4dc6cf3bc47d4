using ClickTrace.Analytics.Funnels;
using ClickTrace.Server.Components.Pages;

namespace ClickTrace.Server.Tests.Dashboard;

public sealed class FunnelStepsTests
{
    [Fact]
    public void The_url_form_reads_back_into_the_same_funnel()
    {
        var steps = FunnelSteps.Parse(["page:/cart", "step:checkout-details", "custom:purchase"], 30, "strict");

        var (definition, problems) = steps.Build();

        Assert.Empty(problems);
        Assert.Equal([new FunnelStep(FunnelStepKind.Page, "/cart"), new FunnelStep(FunnelStepKind.Step, "checkout-details"), new FunnelStep(FunnelStepKind.Custom, "purchase")], definition!.Steps);
        Assert.Equal((TimeSpan.FromMinutes(30), FunnelOrder.Strict), (definition.Window, definition.Order));
        Assert.Equal(["page:/cart", "step:checkout-details", "custom:purchase"], steps.ToQuery());
    }

    [Fact]
    public void A_hand_edited_url_cannot_break_the_builder()
    {
        var steps = FunnelSteps.Parse(["nonsense", "bogus:x", ":y", "page:/only"], -5, "sideways");

        Assert.Equal(2, steps.Rows.Count);                       // the one usable step and an empty one to fill in
        Assert.Equal((60, FunnelOrder.Ordered), (steps.WindowMinutes, steps.Order));
        var (definition, problems) = steps.Build();
        Assert.Null(definition);
        Assert.Contains(problems, p => p.Contains("Step 2", StringComparison.Ordinal));
    }

    [Fact]
    public void An_any_of_row_matches_each_of_its_alternatives_and_reads_back_from_the_url()
    {
        var steps = FunnelSteps.Parse(["page:/", "anyof:page:/cart | custom:add-to-cart", "custom:purchase"], 60, null);

        var (definition, problems) = steps.Build();

        Assert.Empty(problems);
        Assert.Equal([new FunnelStep(FunnelStepKind.Page, "/cart"), new FunnelStep(FunnelStepKind.Custom, "add-to-cart")], definition!.Steps[1].AnyOf);
        Assert.Equal("anyof:page:/cart | custom:add-to-cart", FunnelSteps.From(definition).ToQuery()[1]);
    }

    [Theory]
    [InlineData("anyof:page:/cart", "at least two alternatives")]
    [InlineData("anyof:page:/cart | /checkout", "'/checkout' is not one")]
    [InlineData("anyof:page:/cart | anyof:x", "'anyof:x' is not one")]
    [InlineData("anyof:page:/cart | 1:x", "'1:x' is not one")]
    public void A_malformed_any_of_row_is_refused_naming_its_step(string row, string problem)
    {
        var (definition, problems) = FunnelSteps.Parse(["page:/", row], 60, null).Build();

        Assert.Null(definition);
        Assert.Contains(problems, p => p.StartsWith("Step 2", StringComparison.Ordinal) && p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void At_most_twenty_steps_are_read_from_the_url()
    {
        var steps = FunnelSteps.Parse(Enumerable.Range(0, 50).Select(i => $"page:/p{i}"), 60, null);
        Assert.Equal(FunnelDefinition.MaxSteps, steps.Rows.Count);
    }

    [Fact]
    public void The_worst_step_is_the_largest_drop_off_rate_never_the_last_step()
    {
        var report = new FunnelReport("s", default, default, FunnelOrder.Ordered, TimeSpan.FromHours(1), 100,
        [
            new(1, "a", 100, 1, 1, 20, 0.2, null), new(2, "b", 80, 0.8, 0.8, 60, 0.75, null), new(3, "c", 20, 0.2, 0.25, 20, 1.0, null),
        ]);

        Assert.Equal(2, FunnelSteps.WorstStep(report));
        Assert.Null(FunnelSteps.WorstStep(report with { Steps = [new(1, "a", 0, 0, 0, 0, 0, null), new(2, "b", 0, 0, 0, 0, 0, null)] }));
    }

    [Theory]
    [InlineData("Checkout", "checkout")]
    [InlineData("  Checkout — mobile 2026! ", "checkout-mobile-2026")]
    [InlineData("<script>", "script")]
    [InlineData("¡¿", null)]
    public void A_saved_funnels_id_comes_from_its_name(string name, string? id) => Assert.Equal(id, FunnelSteps.IdOf(name));
}
