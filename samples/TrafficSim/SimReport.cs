using System.Collections.Concurrent;
using ClickTrace.Traffic.DemoShop;

namespace ClickTrace.TrafficSim;

/// <summary>What a run sent: counted as it happened, to compare with what ClickTrace reports.</summary>
public sealed class SimReport
{
    private int _visitors, _pageviews, _productPageviews, _purchases, _giftCardClicks, _events, _refused;
    private readonly ConcurrentDictionary<string, int> _heroVisits = new(), _heroPurchases = new(), _profiles = new();
    private readonly ConcurrentQueue<string> _failures = new();

    /// <summary>Visitors who completed their plan (each one session).</summary>
    public int Visitors => _visitors;
    public int Sessions => _visitors;
    public int Pageviews => _pageviews;

    /// <summary>Product page views: each showed the Size guide link in the first screen.</summary>
    public int ProductPageviews => _productPageviews;
    public int Purchases => _purchases;
    public int GiftCardClicks => _giftCardClicks;

    /// <summary>Fast mode: events posted; browser mode: 0 (the tag decides).</summary>
    public int Events => _events;

    /// <summary>Collector answers that were not 2xx (after retries in fast mode; for the tag, each one it saw).</summary>
    public int Refused => _refused;
    public IReadOnlyCollection<string> Failures => _failures;
    public IReadOnlyDictionary<string, int> Profiles => _profiles;

    public void Completed(VisitPlan plan)
    {
        Interlocked.Increment(ref _visitors);
        Interlocked.Add(ref _pageviews, plan.Pageviews);
        Interlocked.Add(ref _productPageviews, plan.Pages.Count(p => p.StartsWith(DemoShopMap.Base + "/product/", StringComparison.Ordinal)));
        Interlocked.Add(ref _giftCardClicks, plan.Actions.Count(a => a is Follow { Selector: DemoShopMap.GiftCardsLink }));
        _profiles.AddOrUpdate(plan.Profile.ToString(), 1, (_, n) => n + 1);
        _heroVisits.AddOrUpdate(plan.HeroVariant, 1, (_, n) => n + 1);
        if (plan.Purchases)
        {
            Interlocked.Increment(ref _purchases);
            _heroPurchases.AddOrUpdate(plan.HeroVariant, 1, (_, n) => n + 1);
        }
    }

    public void Sent(int events) => Interlocked.Add(ref _events, events);
    public void Refusal() => Interlocked.Increment(ref _refused);
    public void Failed(VisitPlan plan, string why) => _failures.Enqueue($"visitor {plan.Number} ({plan.Profile}): {why}");

    public IEnumerable<string> Lines()
    {
        yield return $"Sent: {Visitors:N0} visitors, {Sessions:N0} sessions, {Pageviews:N0} page views ({ProductPageviews:N0} of product pages), {Purchases:N0} purchases" +
                     (Events > 0 ? $", {Events:N0} events" : "");
        yield return "Profiles: " + string.Join(", ", Profiles.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"));
        foreach (var variant in _heroVisits.Keys.Order())
            yield return $"Hero {variant}: {_heroVisits[variant]} visits, {_heroPurchases.GetValueOrDefault(variant)} purchases";
        yield return $"Gift cards link clicks (to the missing page): {GiftCardClicks}";
        if (Refused > 0) yield return $"Refused by the collector: {Refused}";
        foreach (var failure in Failures.Take(20)) yield return "FAILED " + failure;
    }
}
