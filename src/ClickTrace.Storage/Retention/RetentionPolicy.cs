using ClickTrace.Core.Sites;

namespace ClickTrace.Storage.Retention;

/// <summary>Which of a site's events are past keeping.</summary>
public static class RetentionPolicy
{
    /// <summary>The days <paramref name="site"/> keeps its events: its own retention, at most the server's.</summary>
    public static int Days(Site site, int serverDays) => Math.Min(site.RetentionDays ?? serverDays, serverDays);

    /// <summary>
    /// Whether the site's own retention needs deleting: a site that keeps as long as the server leaves its
    /// events to the tables' TTL.
    /// </summary>
    public static bool NeedsSweep(Site site, int serverDays) => Days(site, serverDays) < serverDays;

    /// <summary>
    /// Events from before this instant go: the start of the UTC day <paramref name="days"/> days before
    /// <paramref name="now"/>. Whole days keep every event at least that long and make one delete a day.
    /// </summary>
    public static DateTimeOffset Cutoff(DateTimeOffset now, int days) =>
        new((now.UtcDateTime - TimeSpan.FromDays(days)).Date, TimeSpan.Zero);
}
