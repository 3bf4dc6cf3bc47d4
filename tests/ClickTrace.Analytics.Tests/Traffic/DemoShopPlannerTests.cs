using ClickTrace.Core.Events;
using ClickTrace.Traffic.DemoShop;
using ClickTrace.Traffic.Wire;

namespace ClickTrace.Analytics.Tests.Traffic;

public sealed class DemoShopPlannerTests
{
    private static readonly DemoShopTrafficOptions Options = new() { Visitors = 200, Seed = 3 };

    [Fact]
    public void Planted_shares_are_met_exactly_not_drawn_at_random()
    {
        var plans = DemoShopPlanner.Plan(Options);

        Assert.Equal(200, plans.Count);
        Assert.Equal(60, plans.Count(p => p.Profile == VisitProfile.Browses));
        Assert.Equal(20, plans.Count(p => p.Profile == VisitProfile.Frustrated));
        Assert.Equal(60, plans.Count(p => p.Mobile));
        // 120 start the checkout: 102 go on to the address, 92 to delivery, 83 to details, 37 to payment, 33 buy.
        int Reached(string path) => plans.Count(p => p.Pages.Contains(path) && p.Profile is VisitProfile.Abandons or VisitProfile.Buys);
        Assert.Equal([120, 102, 92, 83, 37, 33], DemoShopMap.Checkout.Select(c => Reached(c.Path)));
        var buyers = plans.Where(p => p.Purchases).ToList();
        Assert.Equal(33, buyers.Count);
        Assert.Equal(25, buyers.Count(p => p.HeroVariant == "b"));
        Assert.Equal(84, plans.Count(p => !p.Purchases && p.HeroVariant == "b"));
    }

    [Fact]
    public void Most_who_give_up_at_personal_details_last_touch_the_confusing_field()
    {
        var plans = DemoShopPlanner.Plan(Options);
        var stuck = plans.Where(p => p.Pages.Contains(DemoShopMap.Details) && !p.Pages.Contains(DemoShopMap.Payment)).ToList();

        var last = stuck.Select(p => p.Actions.OfType<Hesitate>().Single().Field).ToList();

        Assert.Equal(46, stuck.Count);
        Assert.Equal(37, last.Count(f => f == DemoShopMap.ConfusingField));
    }

    [Fact]
    public void Nobody_clicks_the_size_guide_and_every_visit_starts_at_home_and_leaves()
    {
        var plans = DemoShopPlanner.Plan(Options);

        Assert.All(plans, p =>
        {
            Assert.Equal(new Open(DemoShopMap.Home), p.Actions[0]);
            Assert.IsType<Leave>(p.Actions[^1]);
        });
        Assert.DoesNotContain(plans.SelectMany(p => p.Actions), a => a is Follow { Selector: DemoShopMap.SizeGuideLink });
        Assert.Equal(15, plans.Count(p => p.Pages.Contains(DemoShopMap.GiftCards)));
    }

    [Fact]
    public void The_same_seed_gives_the_same_visitors()
    {
        Assert.Equal(DemoShopPlanner.Plan(Options).Select(Describe), DemoShopPlanner.Plan(Options).Select(Describe));
        Assert.NotEqual(DemoShopPlanner.Plan(Options).Select(Describe), DemoShopPlanner.Plan(Options with { Seed = 4 }).Select(Describe));
    }

    [Fact]
    public void Bad_shares_are_refused_with_the_name_of_the_option()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DemoShopPlanner.Plan(Options with { MobileShare = 1.5 }));
        Assert.Contains("MobileShare", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => DemoShopPlanner.Plan(Options with { BrowseShare = 0.7, FrustratedShare = 0.5 }));
    }

    [Fact]
    public void Fast_mode_writes_the_events_the_tag_would_for_each_action()
    {
        var visits = DemoShopTraffic.Generate(Options, "demo", "http://localhost:5080", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1)).ToList();

        Assert.All(visits, v => Assert.Equal(v.Plan.Pageviews, v.Events.Count(e => e.Type == EventType.Pageview)));
        var buyer = visits.First(v => v.Plan.Purchases);
        var purchase = Assert.Single(buyer.Events, e => e.Type == EventType.Custom);
        Assert.Equal((DemoShopMap.Purchase, "EUR"), (purchase.Name, purchase.Currency));
        Assert.True(purchase.Revenue > 0);
        var stuck = visits.First(v => v.Plan.Actions.OfType<Hesitate>().Any(h => h.Field == DemoShopMap.ConfusingField));
        var abandon = Assert.Single(stuck.Events, e => e.Type == EventType.Abandon && e.Path == DemoShopMap.Details);
        Assert.Equal(DemoShopMap.ConfusingField, abandon.Name);
        var frustrated = visits.First(v => v.Plan.Profile == VisitProfile.Frustrated);
        Assert.Contains(frustrated.Events, e => e.Type == EventType.Rage && e.Selector == DemoShopMap.CouponButton);
        Assert.All(visits.SelectMany(v => v.Events), e => Assert.Equal("demo", e.SiteId));
        Assert.All(visits, v => Assert.True(v.Events.Zip(v.Events.Skip(1)).All(p => p.First.Timestamp <= p.Second.Timestamp), "events in time order"));
    }

    [Fact]
    public void Wire_batches_hold_one_page_views_events_and_at_most_twenty()
    {
        var visit = DemoShopTraffic.Generate(Options, "demo", "http://localhost:5080", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1)).First(v => v.Plan.Purchases);

        var batches = WireBatches.From(visit.Events).ToList();

        Assert.Equal(visit.Events.Count, batches.Sum(b => b.Events!.Count));
        Assert.All(batches, b => Assert.InRange(b.Events!.Count, 1, 20));
        Assert.All(batches, b => Assert.Single(b.Events!.Select(e => e.Url).Distinct()));
        Assert.All(batches, b => Assert.Equal((visit.SessionId.ToString("x16"), visit.VisitorId.ToString("x16")), (b.SessionId, b.VisitorId)));
        Assert.Contains(batches.SelectMany(b => b.Events!), e => e.Type == "custom" && e.Properties!["currency"] == "EUR");
    }

    private static string Describe(VisitPlan plan) => $"{plan.Profile} {plan.Mobile} {plan.Variants} {string.Join(",", plan.Actions)}";
}
