using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ClickTrace.Server.Tests.Hosting;

/// <summary>Signs a test app's client in as a person would: the sign-in page's form with its antiforgery token.</summary>
internal static partial class SignIn
{
    /// <summary>Creates the admin account on a fresh database (the first-run form), or signs in with it.</summary>
    public static async Task InAsync(ClickTraceApp app)
    {
        var page = await app.Http.GetStringAsync("/login");
        var firstRun = page.Contains("action=\"/auth/setup\"", StringComparison.Ordinal);
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(page),
            ["username"] = ClickTraceApp.AdminName,
            ["password"] = ClickTraceApp.AdminPassword,
        };
        if (firstRun) form["confirm"] = ClickTraceApp.AdminPassword;
        using var response = await app.Http.PostAsync(firstRun ? "/auth/setup" : "/auth/login", new FormUrlEncodedContent(form));
        if (!app.Cookies.GetCookies(app.BaseAddress).Any(c => c.Name == "clicktrace.auth"))
            throw new InvalidOperationException($"Signing in failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The antiforgery token of the form in <paramref name="html"/>.</summary>
    public static string Token(string html) =>
        TokenPattern().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("The page has no antiforgery token:\n" + html);

    /// <summary>A browser context carrying the app's sign-in cookie.</summary>
    public static async Task<IBrowserContext> SignedInContextAsync(this ClickTraceApp app, IBrowser browser, BrowserNewContextOptions? options = null)
    {
        var context = await browser.NewContextAsync(options);
        await context.AddCookiesAsync(app.Cookies.GetCookies(app.BaseAddress).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = app.BaseAddress.Host, Path = c.Path, HttpOnly = c.HttpOnly,
        }));
        return context;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
