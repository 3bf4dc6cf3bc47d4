using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ClickTrace.Server.Auth;
using ClickTrace.Server.Tests.Hosting;
using ClickTrace.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ClickTrace.Server.Tests.Auth;

/// <summary>Read-only API keys: made on the keys page and shown once, they read the API and change nothing; revoked, they stop.</summary>
public sealed partial class ApiKeyTests
{
    private static async Task<string> MakeKeyAsync(ClickTraceApp app, string name)
    {
        var token = SignIn.Token(await app.Http.GetStringAsync("/keys"));
        using var response = await app.Http.PostAsync("/keys", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["_handler"] = "key", ["Input.Name"] = name,
        }));
        var page = await response.Content.ReadAsStringAsync();
        return NewKey().Match(page) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No new key on the page:\n" + page);
    }

    private static HttpClient WithKey(ClickTraceApp app, string key)
    {
        var client = new HttpClient { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    [Fact]
    public async Task A_key_reads_the_api_but_cannot_change_a_site()
    {
        using var app = new ClickTraceApp();
        var key = await MakeKeyAsync(app, "report script");
        using var client = WithKey(app, key);

        using var sites = await client.GetAsync("/api/sites");
        using var overview = await client.GetAsync("/api/sites/demo/overview?period=today");
        using var change = await client.PutAsJsonAsync("/api/sites/demo", new { name = "Taken over", allowedOrigins = Array.Empty<string>(), timeZone = "UTC" });

        Assert.Equal(HttpStatusCode.OK, sites.StatusCode);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
    }

    [Fact]
    public async Task A_revoked_key_a_wrong_secret_and_a_made_up_key_are_refused()
    {
        using var app = new ClickTraceApp();
        var key = await MakeKeyAsync(app, "old script");
        var id = key.Split('_')[1];
        var page = await app.Http.GetStringAsync("/keys");
        using (var revoke = await app.Http.PostAsync($"/auth/keys/{id}/revoke", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = SignIn.Token(page) })))
            Assert.True(revoke.IsSuccessStatusCode, $"{revoke.StatusCode}");

        foreach (var token in new[] { key, key[..^4] + "AAAA", "ct_0123456789ab_" + new string('x', 43), "not-a-key" })
        {
            using var client = WithKey(app, token);
            using var response = await client.GetAsync("/api/sites");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_key_is_shown_once_and_stored_only_as_a_hash()
    {
        using var app = new ClickTraceApp();
        var key = await MakeKeyAsync(app, "dashboard export");
        var secret = key.Split('_', 3)[2];

        var page = await app.Http.GetStringAsync("/keys");
        var stored = await app.Services.GetRequiredService<IClickHouse>().QueryAsync("SELECT key_id, secret_hash, name FROM api_keys");

        Assert.Contains("dashboard export", page, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, page, StringComparison.Ordinal);
        var row = Assert.Single(stored.Rows);
        Assert.Equal(ApiKeys.Hash(secret), row[1]);
        Assert.DoesNotContain(row, value => value is string text && text.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_key_cannot_open_the_keys_page()
    {
        using var app = new ClickTraceApp();
        var key = await MakeKeyAsync(app, "script");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        using var response = await client.GetAsync("/keys");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Theory]
    [InlineData("ct_0123456789ab_abcdefghijabcdefghijabcdefghijabcdefghij0123", true)]
    [InlineData("ct_0123456789AB_abcdefghijabcdefghijabcdefghijabcdefghij0123", false)]
    [InlineData("ct_0123456789ab_short", false)]
    [InlineData("Bearer whatever", false)]
    public void Only_the_key_shape_is_parsed(string token, bool valid) =>
        Assert.Equal(valid, ApiKeys.TryParse(token, out _, out _));

    [GeneratedRegex("<pre data-testid=\"new-key\">(ct_[^<]+)</pre>")]
    private static partial Regex NewKey();
}
