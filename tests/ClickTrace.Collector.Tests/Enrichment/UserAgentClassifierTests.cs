using ClickTrace.Collector.Enrichment;

namespace ClickTrace.Collector.Tests.Enrichment;

public sealed class UserAgentClassifierTests
{
    private static readonly UserAgentClassifier Classifier = new();

    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome", "Windows", "desktop")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge", "Windows", "desktop")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15", "Safari", "macOS", "desktop")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari", "iOS", "mobile")]
    [InlineData("Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari", "iOS", "tablet")]
    [InlineData("Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0", "Firefox", "Android", "mobile")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome", "Android", "tablet")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36", "Samsung Internet", "Android", "mobile")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox", "Linux", "desktop")]
    public void Browsers_systems_and_devices_are_recognised(string userAgent, string browser, string os, string device)
    {
        var info = Classifier.Classify(userAgent);

        Assert.Equal((browser, os, device, false), (info.Browser, info.Os, info.Device, info.IsBot));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36")]
    [InlineData("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36")]
    [InlineData("curl/8.5.0")]
    [InlineData("python-requests/2.32.3")]
    [InlineData("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ClaudeBot/1.0; +claudebot@anthropic.com)")]
    [InlineData("")]
    public void Crawlers_headless_browsers_and_http_libraries_are_bots(string userAgent) =>
        Assert.True(Classifier.Classify(userAgent).IsBot);

    [Fact]
    public void A_huge_hostile_user_agent_is_classified_quickly()
    {
        var hostile = string.Concat(Enumerable.Repeat("Mozilla/5.0 (a(b(c(d", 10_000));

        var info = Classifier.Classify(hostile);

        Assert.NotNull(info);
    }

    [Fact]
    public void A_flood_of_unique_user_agents_does_not_grow_the_cache_without_bound()
    {
        var classifier = new UserAgentClassifier();

        for (var i = 0; i < 50_000; i++) classifier.Classify($"Mozilla/5.0 (X11; Linux x86_64) Firefox/{i}");

        Assert.Equal("Firefox", classifier.Classify("Mozilla/5.0 (X11; Linux x86_64) Firefox/1").Browser);
    }
}
