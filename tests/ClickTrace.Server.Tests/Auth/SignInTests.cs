using Microsoft.Extensions.DependencyInjection;
using System.Net;
using ClickTrace.Server.Tests.Hosting;
using ClickTrace.Testing;

namespace ClickTrace.Server.Tests.Auth;

/// <summary>The dashboard and the read API need a signed-in user; the tag, collect and the operations endpoints stay public.</summary>
public sealed class SignInTests
{
    private static HttpClient Client(ClickTraceApp app, CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

    [Fact]
    public async Task The_read_api_without_sign_in_is_a_401_problem_and_the_dashboard_sends_to_the_sign_in_page()
    {
        using var app = new ClickTraceApp();
        using var client = Client(app);

        using var api = await client.GetAsync("/api/sites/demo/overview?period=today");
        using var dashboard = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.StartsWith("/login", dashboard.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/ct.js")]
    [InlineData("/health")]
    [InlineData("/ready")]
    [InlineData("/login")]
    [InlineData("/demo/")]
    public async Task The_tag_operations_sign_in_and_demo_pages_need_no_sign_in(string path)
    {
        using var app = new ClickTraceApp();

        using var response = await app.Anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Collect_needs_no_sign_in()
    {
        using var app = new ClickTraceApp();

        using var response = await app.Anonymous.PostAsync("/api/collect", Wire.Json(Wire.Batch("demo", Wire.Pageview())));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task The_admin_account_is_created_once_and_the_sign_in_cookie_is_http_only_and_same_site_strict()
    {
        using var app = new ClickTraceApp();   // signs in through the first-run form
        using var client = Client(app);

        var (status, _) = await PostFormAsync(client, "/auth/setup", new() { ["username"] = "mallory", ["password"] = "another long password", ["confirm"] = "another long password" });
        var (signedIn, cookie) = await PostFormAsync(client, "/auth/login", new() { ["username"] = ClickTraceApp.AdminName, ["password"] = ClickTraceApp.AdminPassword });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(HttpStatusCode.Redirect, signedIn);
        Assert.Contains("clicktrace.auth=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Two_first_run_forms_sent_at_once_create_one_admin()
    {
        using var app = new ClickTraceApp(TestEngine.UniqueDatabaseName("setup"), new Dictionary<string, string> { [ClickTraceApp.NoSignIn] = "true" });
        using var alice = Client(app);
        using var mallory = Client(app);
        var tokens = await Task.WhenAll(alice.GetStringAsync("/login"), mallory.GetStringAsync("/login"));
        Assert.All(tokens, page => Assert.Contains("action=\"/auth/setup\"", page, StringComparison.Ordinal));

        Task<HttpResponseMessage> Setup(HttpClient client, string page, string name) => client.PostAsync("/auth/setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.Token(page), ["username"] = name, ["password"] = "a long enough password", ["confirm"] = "a long enough password",
        }));
        var answers = await Task.WhenAll(Setup(alice, tokens[0], "alice"), Setup(mallory, tokens[1], "mallory"));

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var users = app.Services.GetRequiredService<ClickTrace.Storage.Users.ClickHouseUserStore>();
        Assert.Single(new[] { await users.FindAsync("alice"), await users.FindAsync("mallory") }.OfType<ClickTrace.Storage.Users.DashboardUser>());
        foreach (var answer in answers) answer.Dispose();
    }

    [Fact]
    public async Task A_wrong_password_signs_nobody_in_and_says_the_same_as_an_unknown_name()
    {
        using var app = new ClickTraceApp();
        var cookies = new CookieContainer();
        using var client = Client(app, cookies);

        var (_, wrong) = await PostFormAsync(client, "/auth/login", new() { ["username"] = ClickTraceApp.AdminName, ["password"] = "not the password" }, location: true);
        var (_, unknown) = await PostFormAsync(client, "/auth/login", new() { ["username"] = "nobody", ["password"] = "not the password" }, location: true);
        using var api = await client.GetAsync("/api/sites");

        Assert.Equal(wrong, unknown);
        Assert.StartsWith("/login?error=", wrong, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task A_sign_in_form_posted_without_its_antiforgery_token_is_refused()
    {
        using var app = new ClickTraceApp();
        using var client = Client(app);

        using var response = await client.PostAsync("/auth/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = ClickTraceApp.AdminName, ["password"] = ClickTraceApp.AdminPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(response.Headers.TryGetValues("Set-Cookie", out var set) ? set.Where(c => c.StartsWith("clicktrace.auth=", StringComparison.Ordinal)) : []);
    }

    [Fact]
    public async Task Sign_in_attempts_past_ten_a_minute_from_one_address_get_429()
    {
        using var app = new ClickTraceApp();   // its own sign-in was the first attempt
        using var client = Client(app);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
            statuses.Add((await PostFormAsync(client, "/auth/login", new() { ["username"] = "guess", ["password"] = $"guess number {i}" })).Status);

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.DoesNotContain(HttpStatusCode.OK, statuses);
    }

    [Fact]
    public async Task A_sign_in_outlives_a_restart()
    {
        var database = TestEngine.UniqueDatabaseName("keys");
        var cookies = new CookieContainer();
        using (var first = new ClickTraceApp(database))
            cookies.Add(first.BaseAddress, first.Cookies.GetCookies(first.BaseAddress));

        using var second = new ClickTraceApp(database);
        using var client = Client(second, cookies);
        using var response = await client.GetAsync("/api/sites");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var app = new ClickTraceApp();
        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync("/api/sites")).StatusCode);

        var (status, _) = await PostFormAsync(app.Http, "/auth/logout", []);
        using var after = await app.Http.GetAsync("/api/sites");

        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{status}");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    /// <summary>Posts a form with the antiforgery token of the sign-in page; returns the status and the Set-Cookie (or Location) header.</summary>
    private static async Task<(HttpStatusCode Status, string Header)> PostFormAsync(HttpClient client, string path, Dictionary<string, string> form, bool location = false)
    {
        form["__RequestVerificationToken"] = SignIn.Token(await client.GetStringAsync("/login"));
        using var response = await client.PostAsync(path, new FormUrlEncodedContent(form));
        var header = location
            ? response.Headers.Location?.OriginalString ?? ""
            : string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []);
        return (response.StatusCode, header);
    }
}
