using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using ClickTrace.Collector.Tag;
using ClickTrace.Server.Tests.Hosting;

namespace ClickTrace.Server.Tests.Tag;

public sealed class TagApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    /// <summary>The tag's size budget (DESIGN.md): 3 KB minified and gzipped, with every capture feature.</summary>
    private const int BudgetBytes = 3072;

    private readonly ClickTraceApp _app = fixture.App;

    [Fact]
    public async Task The_tag_is_served_gzipped_as_javascript_with_an_etag()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ct.js");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var response = await _app.Http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("gzip", response.Content.Headers.ContentEncoding.Single());
        Assert.NotNull(response.Headers.ETag);
        Assert.True(body.Length <= BudgetBytes, $"ct.js is {body.Length} bytes gzipped; the budget is {BudgetBytes}.");
    }

    [Fact]
    public async Task A_matching_etag_is_answered_with_304()
    {
        using var first = await _app.Http.GetAsync("/ct.js");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ct.js");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await _app.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public void The_served_gzip_is_the_tag_itself_within_the_size_budget()
    {
        using var gzip = new GZipStream(new MemoryStream(TagApi.Gzip.ToArray()), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        gzip.CopyTo(inflated);

        Assert.Equal(TagApi.Script.ToArray(), inflated.ToArray());
        Assert.True(TagApi.Gzip.Length <= BudgetBytes, $"ct.js is {TagApi.Gzip.Length} bytes gzipped; the budget is {BudgetBytes}.");
    }
}
