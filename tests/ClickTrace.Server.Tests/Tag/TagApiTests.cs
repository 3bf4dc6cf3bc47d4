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
    public void The_tag_fits_its_size_budget_at_maximum_compression()
    {
        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(TagApi.Script.Span);

        Assert.True(gzipped.Length <= BudgetBytes, $"ct.js is {gzipped.Length} bytes gzipped; the budget is {BudgetBytes}.");
    }
}
