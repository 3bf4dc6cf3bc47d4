using System.Net;
using System.Text.Json.Nodes;
using ClickTrace.Server.Tests.Hosting;

namespace ClickTrace.Server.Tests.Dashboard;

/// <summary>The dashboard's sites page: each site with its tag snippet, and a form that creates or changes one.</summary>
public sealed class SitesPageTests
{
    private static async Task<string> SubmitAsync(ClickTraceApp app, string id, string name, string origins = "", string timeZone = "", string retention = "")
    {
        var token = SignIn.Token(await app.Http.GetStringAsync("/sites"));
        using var response = await app.Http.PostAsync("/sites", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["_handler"] = "site",
            ["Input.Id"] = id, ["Input.Name"] = name, ["Input.Origins"] = origins, ["Input.TimeZone"] = timeZone,
            ["Input.RetentionDays"] = retention,
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Each_site_shows_the_tag_line_to_paste()
    {
        using var app = new ClickTraceApp();

        var page = WebUtility.HtmlDecode(await app.Http.GetStringAsync("/sites"));

        Assert.Contains($"<script defer src=\"{app.BaseAddress.ToString().TrimEnd('/')}/ct.js\" data-site=\"demo\"></script>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_creates_a_site_that_the_api_then_knows()
    {
        using var app = new ClickTraceApp();

        var page = await SubmitAsync(app, "my-shop", "My shop", "https://my-shop.example\r\nhttps://www.my-shop.example/", "Europe/Berlin");

        Assert.Contains("Saved <strong>my-shop</strong>", page, StringComparison.Ordinal);
        var site = JsonNode.Parse(await app.Http.GetStringAsync("/api/sites/my-shop"))!;
        Assert.Equal(("My shop", "Europe/Berlin"), ((string?)site["name"], (string?)site["timeZone"]));
        Assert.Equal(["https://my-shop.example", "https://www.my-shop.example"], site["allowedOrigins"]!.AsArray().Select(o => (string)o!));
    }

    [Fact]
    public async Task A_site_saved_with_its_own_retention_shows_how_long_it_keeps_events()
    {
        using var app = new ClickTraceApp();

        var page = WebUtility.HtmlDecode(await SubmitAsync(app, "brief", "Brief", retention: "30"));
        var tooLong = WebUtility.HtmlDecode(await SubmitAsync(app, "brief", "Brief", retention: "9999"));

        Assert.Contains("Keeps events 30 days", page, StringComparison.Ordinal);
        Assert.Contains("Keeps events 730 days (the server's retention)", page, StringComparison.Ordinal); // the demo site
        Assert.Contains("A site keeps its events 1 to 730 days", tooLong, StringComparison.Ordinal);
        Assert.Equal(30, (int?)JsonNode.Parse(await app.Http.GetStringAsync("/api/sites/brief"))!["retentionDays"]);
    }

    [Fact]
    public async Task Bad_fields_are_named_on_the_page_and_nothing_is_saved()
    {
        using var app = new ClickTraceApp();

        var page = WebUtility.HtmlDecode(await SubmitAsync(app, "bad key!", "", "ftp://files.example", "Mars/Base"));

        Assert.Contains("A site key is 1-64 letters, digits, '-', '_' or '.'.", page, StringComparison.Ordinal);
        Assert.Contains("A name of 1-200 characters is required.", page, StringComparison.Ordinal);
        Assert.Contains("Up to 100 origins like https://shop.example", page, StringComparison.Ordinal);
        Assert.Contains("Unknown time zone 'Mars/Base'", page, StringComparison.Ordinal);
        Assert.Single(JsonNode.Parse(await app.Http.GetStringAsync("/api/sites"))!.AsArray());
    }

    [Fact]
    public async Task A_hostile_site_name_is_shown_as_text()
    {
        using var app = new ClickTraceApp();

        var page = await SubmitAsync(app, "evil", "<img src=x onerror=alert(1)>");

        Assert.DoesNotContain("<img src=x", page, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_needs_a_signed_in_user()
    {
        using var app = new ClickTraceApp();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

        using var response = await client.GetAsync("/sites");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
