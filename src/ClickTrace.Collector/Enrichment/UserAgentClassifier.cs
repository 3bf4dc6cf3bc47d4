using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ClickTrace.Collector.Enrichment;

/// <summary>
/// Classifies User-Agent strings with patterns kept as data: browser, OS and device rules from
/// <c>user-agents.json</c>, crawlers from the crawler-user-agents list (npm), plus headless-browser and
/// HTTP-library tokens. The crawler list's plain strings are searched at once with <see cref="SearchValues{T}"/>;
/// only its few real regular expressions run as one. Results are cached per User-Agent.
/// </summary>
public sealed partial class UserAgentClassifier
{
    private const int MaxLength = 512;
    private const int CacheSize = 20_000;

    private readonly (string Name, Regex Pattern)[] _browsers;
    private readonly (string Name, Regex Pattern)[] _systems;
    private readonly (string Name, Regex Pattern)[] _devices;
    private readonly SearchValues<string> _headless;
    private readonly SearchValues<string> _crawlerLiterals;
    private readonly Regex _crawlerPatterns;
    private readonly ConcurrentDictionary<string, UserAgentInfo> _cache = new();

    public UserAgentClassifier()
    {
        using var rules = EmbeddedData.Load("user-agents.json");
        _browsers = Rules(rules.RootElement.GetProperty("browsers"));
        _systems = Rules(rules.RootElement.GetProperty("systems"));
        _devices = Rules(rules.RootElement.GetProperty("devices"));
        _headless = SearchValues.Create(EmbeddedData.Strings(rules.RootElement.GetProperty("headless")), StringComparison.OrdinalIgnoreCase);

        using var crawlers = EmbeddedData.Load("crawler-user-agents.json");
        var patterns = crawlers.RootElement.EnumerateArray().Select(e => e.GetProperty("pattern").GetString()!).ToList();
        var literals = patterns.Where(IsLiteral).Select(Unescape).ToArray();
        _crawlerLiterals = SearchValues.Create(literals, StringComparison.Ordinal);
        _crawlerPatterns = new Regex(
            string.Join('|', patterns.Where(p => !IsLiteral(p)).Select(p => $"(?:{p})")),
            RegexOptions.Compiled | RegexOptions.CultureInvariant, MatchTimeout);
        // Compiled expressions are JIT-compiled on first use: do it now, not inside the first requests.
        Classify("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36");
        _cache.Clear();
    }

    // Generous: inputs are capped at 512 characters, and a busy machine must not turn a match into an error.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(500);

    public UserAgentInfo Classify(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return UserAgentInfo.Unknown with { IsBot = true };
        var text = userAgent.Length > MaxLength ? userAgent[..MaxLength] : userAgent;
        if (_cache.TryGetValue(text, out var known)) return known;
        var info = new UserAgentInfo(First(_browsers, text), First(_systems, text), First(_devices, text) is { Length: > 0 } d ? d : "desktop", IsBot(text));
        if (_cache.Count >= CacheSize) _cache.Clear(); // a flood of unique strings must not grow memory
        _cache[text] = info;
        return info;
    }

    private bool IsBot(string text)
    {
        if (text.AsSpan().ContainsAny(_headless) || text.AsSpan().ContainsAny(_crawlerLiterals)) return true;
        try
        {
            return _crawlerPatterns.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return true; // a User-Agent built to be slow to match is not a person's browser
        }
    }

    private static string First((string Name, Regex Pattern)[] rules, string text)
    {
        foreach (var (name, pattern) in rules)
        {
            try
            {
                if (pattern.IsMatch(text)) return name;
            }
            catch (RegexMatchTimeoutException)
            {
                // A User-Agent that takes this long is not a browser we can name; classification never fails a request.
            }
        }
        return "";
    }

    private static (string, Regex)[] Rules(JsonElement rules) =>
        rules.EnumerateArray().Select(r => (r.GetProperty("name").GetString()!, new Regex(
            r.GetProperty("pattern").GetString()!, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout))).ToArray();

    /// <summary>A pattern with no regular-expression operator left once its escaped punctuation is removed.</summary>
    private static bool IsLiteral(string pattern) => !Operator().IsMatch(EscapedPunctuation().Replace(pattern, ""));

    private static string Unescape(string pattern) => EscapedPunctuation().Replace(pattern, m => m.Value[1..]);

    [GeneratedRegex(@"\\[/.\-_ ()\[\]+:;!@#&=,]")]
    private static partial Regex EscapedPunctuation();

    [GeneratedRegex(@"[\\^$.|?*+()\[\]{}]")]
    private static partial Regex Operator();
}
