using System.Globalization;
using ClickTrace.Analytics.Pages;

namespace ClickTrace.Server.Components.Pages;

/// <summary>
/// Lays the page microscope's click cells over a page shown at a chosen width: each cell's box in CSS px and
/// its heat from 1 (a few clicks) to 5 (the most clicked cell). Styles are built from numbers only, so no
/// tracked string ever reaches an attribute.
/// </summary>
public static class HeatMapLayout
{
    /// <summary>The widths the page can be shown at: a desktop browser's and a phone's.</summary>
    public const int Desktop = 1280, Phone = 390;

    /// <summary>The shortest and tallest page shown: a short page still shows its first screen, a long one is cut.</summary>
    public const int MinHeight = 800, MaxHeight = 8000;

    public sealed record Box(int Left, int Top, int Width, int Height, int Heat, long Clicks)
    {
        public string Style => string.Create(CultureInfo.InvariantCulture, $"left:{Left}px;top:{Top}px;width:{Width}px;height:{Height}px");
    }

    /// <summary>The width for a <c>?width=</c> value: "phone" or anything else (desktop).</summary>
    public static int WidthOf(string? width) => width == "phone" ? Phone : Desktop;

    /// <summary>How tall the view must be to hold every cell, within <see cref="MinHeight"/> and <see cref="MaxHeight"/>.</summary>
    public static int Height(IReadOnlyList<HeatCell> cells) =>
        Math.Clamp(cells.Count == 0 ? 0 : cells.Max(c => c.Top) + 2 * Cell, MinHeight, MaxHeight);

    /// <summary>The cells as boxes at <paramref name="width"/> px, those below <see cref="MaxHeight"/> left out.</summary>
    public static IReadOnlyList<Box> Boxes(IReadOnlyList<HeatCell> cells, int width)
    {
        if (cells.Count == 0) return [];
        var most = cells.Max(c => c.Clicks);
        return cells.Where(c => c.Top < MaxHeight).Select(c =>
        {
            var left = (int)Math.Round(c.Left * width);
            var right = (int)Math.Round(c.Right * width);
            return new Box(left, c.Top, Math.Max(1, right - left), Cell, HeatOf(c.Clicks, most), c.Clicks);
        }).ToList();
    }

    /// <summary>1 to 5 by the cell's share of the most clicked cell's clicks, on a square-root scale so a few clicks still show.</summary>
    public static int HeatOf(long clicks, long most) =>
        most <= 0 ? 1 : Math.Clamp((int)Math.Ceiling(Math.Sqrt((double)clicks / most) * 5), 1, 5);

    /// <summary>
    /// The address to show live behind the map, or null for the outline: only an absolute http(s) address (a
    /// tracked URL is hostile; the frame that shows it is sandboxed as well).
    /// </summary>
    public static string? LiveUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri.AbsoluteUri : null;

    private const int Cell = PageShaping.RowHeight;
}
