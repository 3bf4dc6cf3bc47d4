using ClickTrace.Server.Tests.Hosting;

namespace ClickTrace.Server.Tests.Auth;

public sealed class SecurityHeadersTests
{
    [Theory]
    [InlineData("/login")]
    [InlineData("/api/sites")]
    public async Task Dashboard_responses_refuse_framing_and_sniffing(string path)
    {
        using var app = new ClickTraceApp();

        using var response = await app.Http.GetAsync(path);

        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Theory]
    [InlineData("/ct.js")]
    [InlineData("/demo/")]
    public async Task What_tracked_sites_load_may_be_embedded(string path)
    {
        using var app = new ClickTraceApp();

        using var response = await app.Anonymous.GetAsync(path);

        Assert.False(response.Headers.Contains("X-Frame-Options"));
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
