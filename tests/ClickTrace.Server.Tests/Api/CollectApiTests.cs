using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ClickTrace.Server.Tests.Hosting;
using ClickTrace.Testing;

namespace ClickTrace.Server.Tests.Api;

public sealed class CollectApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly ClickTraceApp _app = fixture.App;

    private async Task<string> NewSiteAsync(params string[] origins)
    {
        var site = $"s{Guid.NewGuid():N}"[..20];
        await _app.CreateSiteAsync(site, origins);
        return site;
    }

    private async Task<JsonNode> OverviewAsync(string site) =>
        JsonNode.Parse(await _app.Http.GetStringAsync($"/api/sites/{site}/overview?period=today"))!;

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailMentions)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal((int)status, (int)problem["status"]!);
        Assert.Contains(detailMentions, (string?)problem["detail"] ?? (string?)problem["title"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_accepted_batch_is_202_and_its_events_reach_the_reports()
    {
        var site = await NewSiteAsync();

        using var response = await _app.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch(site, Wire.Pageview("/a"), Wire.Click("#buy", "Buy", "/a"))));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, (int)(await response.Content.ReadFromJsonAsync<JsonNode>())!["accepted"]!);
        // The overview runs its queries in parallel: wait for the table that is asserted on, not only the totals.
        var overview = await Eventually.Until(() => OverviewAsync(site), o => o["topClicks"]!.AsArray().Count == 1 && (long)o["totals"]!["pageviews"]! == 1, "the click in the overview");
        Assert.Equal(1, (long)overview["totals"]!["pageviews"]!);
        Assert.Equal("#buy", (string?)overview["topClicks"]![0]!["selector"]);
    }

    [Fact]
    public async Task Text_plain_bodies_from_sendBeacon_are_json()
    {
        var site = await NewSiteAsync();

        using var response = await _app.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch(site, Wire.Pageview()), "text/plain"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Gzip_bodies_are_accepted()
    {
        var site = await NewSiteAsync();
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(Wire.Batch(site, Wire.Pageview())));
        using var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await _app.Http.PostAsync("/api/collect", content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task MessagePack_bodies_are_the_same_batches()
    {
        var site = await NewSiteAsync();
        var body = MessagePack.MessagePackSerializer.ConvertFromJson(Wire.Batch(site, Wire.Pageview("/mp"), Wire.Click("#mp", "MP", "/mp")));
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/msgpack");

        using var response = await _app.Http.PostAsync("/api/collect", content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, (int)(await response.Content.ReadFromJsonAsync<JsonNode>())!["accepted"]!);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        using var response = await _app.Http.PostAsync("/api/collect", Wire.Json("{\"v\":1,\"site\":"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "not a valid wire-format batch");
    }

    [Fact]
    public async Task An_unknown_site_is_a_403_problem()
    {
        using var response = await _app.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch("nobody-has-this-key", Wire.Pageview())));

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "nobody-has-this-key");
    }

    [Fact]
    public async Task An_origin_off_the_allow_list_is_a_403_problem()
    {
        var site = await NewSiteAsync("https://shop.example");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/collect") { Content = Wire.Json(Wire.Batch(site, Wire.Pageview())) };
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await _app.Http.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "evil.example");
    }

    [Fact]
    public async Task An_oversized_body_is_a_413_problem()
    {
        var site = await NewSiteAsync();
        var huge = Wire.Batch(site, Wire.Click("#x", new string('x', 100_000)));

        using var response = await _app.Http.PostAsync("/api/collect", Wire.Json(huge));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "exceeds");
    }

    [Fact]
    public async Task A_gzip_bomb_is_a_413_problem()
    {
        var site = await NewSiteAsync();
        var padded = Wire.Batch(site, Wire.Pageview()).Replace("{\"v\":1", "{\"pad\":\"" + new string(' ', 5_000_000) + "\",\"v\":1", StringComparison.Ordinal);
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(Encoding.UTF8.GetBytes(padded));
        using var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await _app.Http.PostAsync("/api/collect", content);

        Assert.True(compressed.Length < 64 * 1024);
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "exceeds");
    }

    [Fact]
    public async Task Another_media_type_is_a_415_problem()
    {
        using var response = await _app.Http.PostAsync("/api/collect", Wire.Json("<batch/>", "application/xml"));

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "application/json");
    }

    [Fact]
    public async Task Too_many_events_is_a_400_problem()
    {
        var site = await NewSiteAsync();

        using var response = await _app.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch(site, Enumerable.Range(0, 101).Select(_ => Wire.Pageview()).ToArray())));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "at most 100");
    }

    [Fact]
    public async Task Invalid_events_are_dropped_and_the_rest_accepted()
    {
        var site = await NewSiteAsync();
        var bad = new { id = "nope", t = "pageview", ts = 0 };

        using var response = await _app.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch(site, Wire.Pageview(), bad)));

        var body = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal((1, 1), ((int)body["accepted"]!, (int)body["dropped"]!));
    }

    [Fact]
    public async Task Cross_origin_posts_get_cors_headers()
    {
        var site = await NewSiteAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/collect") { Content = Wire.Json(Wire.Batch(site, Wire.Pageview()), "text/plain") };
        request.Headers.Add("Origin", "https://shop.example");

        using var response = await _app.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }
}
