namespace ClickTrace.Analytics.Links;

/// <summary>What the engine counts for one link on one page.</summary>
public sealed record LinkCounts(
    string Path, string Selector, string Href, string Text, long Impressions, long SeenBy, long Clicks, long ClickedBy, int X, int Y,
    long BrokenClicks, long BrokenVisitors);
