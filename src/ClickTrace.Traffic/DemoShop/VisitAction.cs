namespace ClickTrace.Traffic.DemoShop;

/// <summary>
/// One thing a simulated visitor does in the demo shop. A browser carries it out in Chromium; the fast
/// generator writes the events the tag would record for it. Times are a human's, in milliseconds.
/// </summary>
public abstract record VisitAction;

/// <summary>Types a URL (or arrives from elsewhere): a page load of <paramref name="Path"/>, which may carry a query.</summary>
public sealed record Open(string Path) : VisitAction;

/// <summary>Clicks the link <paramref name="Selector"/>, which leads to <paramref name="Path"/>.</summary>
public sealed record Follow(string Selector, string Text, string Path) : VisitAction;

/// <summary>Clicks the submit button <paramref name="Button"/> of the page's form, which leads to <paramref name="Path"/>.</summary>
public sealed record Submit(string Button, string Text, string Path) : VisitAction;

/// <summary>Enters a value into the field named <paramref name="Field"/>, taking <paramref name="Milliseconds"/>, and moves on.</summary>
public sealed record Fill(string Field, string Value, int Milliseconds) : VisitAction;

/// <summary>Puts the cursor in <paramref name="Field"/> and stays there <paramref name="Milliseconds"/>, typing nothing (then gives up).</summary>
public sealed record Hesitate(string Field, int Milliseconds) : VisitAction;

/// <summary>Clicks the element <paramref name="Selector"/> <paramref name="Times"/> times in quick succession, then waits to see what happens.</summary>
public sealed record Press(string Selector, string Text, int Times) : VisitAction;

/// <summary>Reads the page (looks, scrolls to <paramref name="ScrollPercent"/>) for <paramref name="Milliseconds"/>.</summary>
public sealed record Read(int Milliseconds, int ScrollPercent) : VisitAction;

/// <summary>Leaves the site (closes the tab, goes elsewhere).</summary>
public sealed record Leave : VisitAction;
