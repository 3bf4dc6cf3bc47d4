using ClickTrace.Analytics.Paths;
using ClickTrace.Analytics.Reports;
using ClickTrace.Analytics.Tests.Funnels;
using ClickTrace.Core.Events;
using ClickTrace.Storage.Events;
using ClickTrace.Testing;
using ClickTrace.Traffic;

namespace ClickTrace.Analytics.Tests.Paths;

/// <summary>
/// The engine's paths against a plain C# walk over each session's page views (in time order, a page repeated
/// in a row counted once), on generated traffic: the flows from and into a page, how sessions reach it, and
/// the back-tracks, with the planted one (product page → shipping → back within seconds) first.
/// </summary>
public abstract class PathsBruteForceTests(StoreKind kind) : MigratedDatabaseTest(kind)
{
    private static readonly ReportPeriod Days = ReportPeriod.TryResolve("custom", "2026-11-01", "2026-11-02", "Europe/Berlin", DateTimeOffset.UtcNow, out _)!;

    [Theory]
    [InlineData(41, "/product/*", PathDirection.From, 3)]
    [InlineData(42, "/thanks", PathDirection.Into, 4)]
    [InlineData(43, "/cart", PathDirection.From, 5)]
    public async Task The_engine_agrees_with_a_brute_force_walk_of_the_sessions(int seed, string page, PathDirection direction, int depth)
    {
        var events = ShopTraffic.Generate(new ShopTrafficOptions { Seed = seed, Visitors = 1500, Days = 3 }).ToList();
        await new ClickHouseEventWriter(Store).WriteAsync(events);

        var report = await new PathsService(Store).GetAsync(new ReportQuery("shop", Days), page, direction, depth, pagesPerColumn: 1000);

        var sessions = events.Where(e => e.Type == EventType.Pageview && e.Timestamp >= Days.From && e.Timestamp < Days.To)
            .GroupBy(e => e.SessionId)
            .Select(s =>
            {
                var views = s.OrderBy(e => e.Timestamp.ToUnixTimeMilliseconds()).ThenBy(e => e.Path, StringComparer.Ordinal).ToList();
                var seq = views.Where((e, i) => i == 0 || e.Path != views[i - 1].Path).ToList();
                return (Visitor: s.First().VisitorId, Session: s.Key, Seq: seq, At: seq.FindIndex(e => BruteForceFunnel.IsPage(e.Path, page)));
            })
            .ToList();

        var links = new Dictionary<(int, string, int, string), long>();
        foreach (var s in sessions.Where(s => s.At >= 0))
            for (var step = 1; step <= depth; step++)
            {
                if (direction == PathDirection.From)
                {
                    if (s.At + step - 1 >= s.Seq.Count) break;
                    var target = s.At + step < s.Seq.Count ? s.Seq[s.At + step].Path : PathsShaping.Exit;
                    Add(links, (step - 1, s.Seq[s.At + step - 1].Path, step, target));
                }
                else
                {
                    if (s.At - step + 1 < 0) break;
                    var source = s.At - step >= 0 ? s.Seq[s.At - step].Path : PathsShaping.Entrance;
                    Add(links, (-step, source, -(step - 1), s.Seq[s.At - step + 1].Path));
                }
            }
        Assert.True(links.Count >= 4 && links.Values.Sum() > 200, "too few links to test anything");
        Assert.Equal(links.OrderBy(l => l.Key).Select(l => (l.Key, l.Value)),
            report.Links.Select(l => ((l.FromColumn, l.Source, l.ToColumn, l.Target), l.Sessions)).OrderBy(l => l.Item1));

        var reached = sessions.Where(s => s.At >= 0).ToList();
        Assert.Equal((sessions.Count, reached.Count), (report.Sessions, report.SessionsReachingPage));
        Assert.Equal(UpperMedian(reached.Select(s => (long)s.At)), report.MedianPagesBefore);
        Assert.Equal(UpperMedian(reached.Select(s => s.Seq[s.At].Timestamp.ToUnixTimeMilliseconds() - s.Seq[0].Timestamp.ToUnixTimeMilliseconds())),
            report.MedianTimeToPage!.Value.TotalMilliseconds);

        var backtracks = sessions
            .SelectMany(s => Enumerable.Range(0, Math.Max(0, s.Seq.Count - 2))
                .Where(i => s.Seq[i + 2].Path == s.Seq[i].Path &&
                            s.Seq[i + 2].Timestamp.ToUnixTimeMilliseconds() - s.Seq[i + 1].Timestamp.ToUnixTimeMilliseconds() <= 10_000)
                .Select(i => (Page: s.Seq[i].Path, Detour: s.Seq[i + 1].Path, s.Session, s.Visitor)))
            .GroupBy(b => (b.Page, b.Detour))
            .Select(g => (g.Key.Page, g.Key.Detour, (long)g.Count(), (long)g.Select(b => b.Session).Distinct().Count(), (long)g.Select(b => b.Visitor).Distinct().Count()))
            .Order().ToList();
        Assert.Equal(backtracks, report.Backtracks.Select(b => (b.Page, b.Detour, b.Times, b.Sessions, b.Visitors)).Order());
        Assert.Equal(Shop.Shipping, report.Backtracks[0].Detour);
        Assert.StartsWith(Shop.ProductPrefix, report.Backtracks[0].Page, StringComparison.Ordinal);
    }

    private static double UpperMedian(IEnumerable<long> values) => BruteForceFunnel.UpperMedian(values.ToList());

    private static void Add<TKey>(Dictionary<TKey, long> counts, TKey key) where TKey : notnull => counts[key] = counts.GetValueOrDefault(key) + 1;
}

public sealed class EmbeddedPathsBruteForceTests() : PathsBruteForceTests(StoreKind.Embedded);

public sealed class ServerPathsBruteForceTests() : PathsBruteForceTests(StoreKind.Server);
