using ClickTrace.Analytics.Funnels;

namespace ClickTrace.Analytics.Pages;

/// <summary>The microscope's cells and bands: plain C#, unit-tested without a database.</summary>
public static class PageShaping
{
    public const int Columns = 50;
    public const int RowHeight = 25;

    public static HeatCell Cell(int column, int row, long clicks) =>
        new((double)column / Columns, (double)(column + 1) / Columns, row * RowHeight, clicks);

    /// <param name="reached">Views that reached 10 %, 20 %, ... 100 % (empty when no view reported scrolling).</param>
    /// <param name="views">Views that reported any scrolling.</param>
    public static IReadOnlyList<ScrollBand> Scroll(IReadOnlyList<long> reached, long views) =>
        Enumerable.Range(0, 10).Select(i =>
        {
            var n = i < reached.Count ? reached[i] : 0;
            return new ScrollBand((i + 1) * 10, n, FunnelShaping.Share(n, views));
        }).ToList();
}
