namespace ClickTrace.Analytics.Pages;

/// <summary>
/// One page (exact path, or several through * wildcards) under the microscope: its views and visitors, where
/// it is clicked, how far it is scrolled, its elements with their clicks and frustration, its form fields,
/// and its script errors. <see cref="Url"/> is the address most of its views had (tracked, so hostile: the
/// dashboard shows the page from it only in a sandbox that runs no script), empty without views.
/// </summary>
public sealed record PageReport(
    string SiteId, DateTimeOffset From, DateTimeOffset To, string Page, long Pageviews, long Visitors, string Url,
    IReadOnlyList<HeatCell> Heat, IReadOnlyList<ScrollBand> Scroll, IReadOnlyList<ElementRow> Elements,
    IReadOnlyList<FieldRow> Fields, IReadOnlyList<ErrorRow> Errors);

/// <summary>
/// Clicks in one cell of the heat map: <see cref="Left"/> and <see cref="Right"/> as fractions of the
/// viewport's width (pages reflow with it), <see cref="Top"/> in CSS px from the top of the page, 25 px high.
/// </summary>
public sealed record HeatCell(double Left, double Right, int Top, long Clicks);

/// <summary>Page views scrolled at least <see cref="Percent"/> of the page deep, and their share of the views that reported scrolling.</summary>
public sealed record ScrollBand(int Percent, long Views, double Share);

/// <summary>An element of the page: its clicks and clicking visitors, its rage, dead and error clicks and the visitors they frustrated.</summary>
public sealed record ElementRow(
    string Selector, string Tag, string Text, long Clicks, long Visitors, long RageClicks, long DeadClicks, long ErrorClicks, long FrustratedVisitors);

/// <summary>A form field: uses (focus to blur) and their visitors, the median time in it, the share of uses that changed it, and how often a form was abandoned at it.</summary>
public sealed record FieldRow(string Form, string Field, string Type, long Uses, long Visitors, TimeSpan MedianTime, double ChangedShare, long Abandoned);

/// <summary>A script error on the page: message, script, line, how often and for how many visitors.</summary>
public sealed record ErrorRow(string Message, string Source, int Line, long Count, long Visitors);
