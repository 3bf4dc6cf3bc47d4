using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace ClickTrace.Collector.Tag;

/// <summary>
/// GET /ct.js: the tag, built by esbuild and embedded in this assembly with its gzip (compressed once at
/// build time with zopfli, smaller than a run-time compressor); ETag revalidation.
/// </summary>
public static class TagApi
{
    private static readonly Lazy<TagFile> Tag = new(TagFile.Load);

    public static IEndpointRouteBuilder MapTag(this IEndpointRouteBuilder app)
    {
        app.MapGet("/ct.js", Serve).WithTags("Tag").WithName("Tag").WithSummary("The tracking tag.").ExcludeFromDescription();
        return app;
    }

    /// <summary>The minified tag as built (for size checks and tests).</summary>
    public static ReadOnlyMemory<byte> Script => Tag.Value.Plain;

    /// <summary>The gzip the app serves.</summary>
    public static ReadOnlyMemory<byte> Gzip => Tag.Value.Gzip;

    private static IResult Serve(HttpContext context)
    {
        var tag = Tag.Value;
        var headers = context.Response.Headers;
        headers.ETag = tag.ETag;
        headers.CacheControl = "public, max-age=300";
        headers.Vary = "Accept-Encoding";
        if (context.Request.Headers.IfNoneMatch == tag.ETag) return Results.StatusCode(StatusCodes.Status304NotModified);
        var acceptsGzip = context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
        if (acceptsGzip) headers.ContentEncoding = "gzip";
        return Results.Bytes(acceptsGzip ? tag.Gzip : tag.Plain, "text/javascript; charset=utf-8");
    }

    private sealed record TagFile(byte[] Plain, byte[] Gzip, string ETag)
    {
        public static TagFile Load()
        {
            var plain = Resource("ct.js");
            var etag = new EntityTagHeaderValue($"\"{Convert.ToHexString(SHA256.HashData(plain))[..16]}\"").ToString();
            return new TagFile(plain, Resource("ct.js.gz"), etag);
        }

        private static byte[] Resource(string name)
        {
            using var resource = typeof(TagApi).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"{name} is not embedded; build tracker-js (npm run build) and rebuild.");
            using var bytes = new MemoryStream();
            resource.CopyTo(bytes);
            return bytes.ToArray();
        }
    }
}
