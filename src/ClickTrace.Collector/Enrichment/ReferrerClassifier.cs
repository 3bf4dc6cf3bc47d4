using System.Text.Json;
using ClickTrace.Collector.Ingestion;
using ClickTrace.Core.Events;

namespace ClickTrace.Collector.Enrichment;

/// <summary>
/// Where a visit came from, from patterns kept as data (<c>referrers.json</c>): campaign (UTM medium of a
/// paid kind, or an ad click id), internal (same host), search, social, email, other, or direct (no referrer).
/// Also reads the UTM parameters and click ids of the page URL.
/// </summary>
public sealed class ReferrerClassifier
{
    private readonly string[] _search;
    private readonly string[] _social;
    private readonly string[] _email;
    private readonly HashSet<string> _paidMediums;
    private readonly string[] _clickIds;

    public ReferrerClassifier()
    {
        using var data = EmbeddedData.Load("referrers.json");
        var root = data.RootElement;
        _search = EmbeddedData.Strings(root.GetProperty("search"));
        _social = EmbeddedData.Strings(root.GetProperty("social"));
        _email = EmbeddedData.Strings(root.GetProperty("email"));
        _paidMediums = new HashSet<string>(EmbeddedData.Strings(root.GetProperty("campaignMediums")), StringComparer.OrdinalIgnoreCase);
        _clickIds = EmbeddedData.Strings(root.GetProperty("clickIds"));
    }

    /// <summary>UTM parameters (each capped) and the first ad click id of <paramref name="url"/>.</summary>
    public Campaign CampaignOf(string url)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal);
        if (query < 0) return Campaign.None;
        var end = url.IndexOf('#', query);
        var parameters = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(end < 0 ? url[query..] : url[query..end]);
        string Get(string key) => parameters.TryGetValue(key, out var v) ? Text.Cap(v.ToString(), Text.Name) : "";
        var clickId = _clickIds.FirstOrDefault(parameters.ContainsKey) ?? "";
        var campaign = new Campaign(Get("utm_source"), Get("utm_medium"), Get("utm_campaign"), Get("utm_content"), Get("utm_term"), clickId);
        return campaign.IsEmpty ? Campaign.None : campaign;
    }

    /// <summary>The referrer's host and its class, for a page at <paramref name="pageUrl"/> reached with <paramref name="campaign"/>.</summary>
    public (string Host, string Class) Classify(string referrer, string pageUrl, Campaign campaign)
    {
        var host = HostOf(referrer);
        if (campaign.ClickIdType.Length > 0 || _paidMediums.Contains(campaign.Medium)) return (host, ReferrerClasses.Campaign);
        if (host.Length == 0) return (host, campaign.Source.Length > 0 ? ReferrerClasses.Campaign : ReferrerClasses.Direct);
        if (host == HostOf(pageUrl)) return (host, ReferrerClasses.Internal);
        if (Matches(host, _email)) return (host, ReferrerClasses.Email);
        if (Matches(host, _search)) return (host, ReferrerClasses.Search);
        if (Matches(host, _social)) return (host, ReferrerClasses.Social);
        return (host, campaign.Source.Length > 0 ? ReferrerClasses.Campaign : ReferrerClasses.Other);
    }

    private static string HostOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "android-app"
            ? (uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host).ToLowerInvariant()
            : "";

    /// <summary>"google.*" matches google.com, google.co.uk, www.google.de; "bing.com" matches bing.com and cn.bing.com.</summary>
    private static bool Matches(string host, string[] domains)
    {
        foreach (var domain in domains)
        {
            if (domain.EndsWith(".*", StringComparison.Ordinal))
            {
                var name = domain[..^1];
                if (host.StartsWith(name, StringComparison.Ordinal) || host.Contains("." + name, StringComparison.Ordinal)) return true;
            }
            else if (host == domain || host.EndsWith("." + domain, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
