using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace ClickTrace.Collector;

/// <summary>
/// 202 with the batch's counts, <c>{"accepted":20,"dropped":0}</c>, written with its Content-Length in one write.
/// <see cref="Microsoft.AspNetCore.Http.HttpResults.Accepted{TValue}"/> serializes through the JSON writer into a
/// chunked body, which costs the busiest endpoint a serializer pass and a second write for every request.
/// </summary>
public sealed class CollectAccepted(CollectApi.CollectResponse value) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<CollectApi.CollectResponse>
{
    public CollectApi.CollectResponse Value => value;

    object? IValueHttpResult.Value => value;

    public int StatusCode => StatusCodes.Status202Accepted;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public Task ExecuteAsync(HttpContext context)
    {
        var body = Format(value);
        context.Response.StatusCode = StatusCode;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = body.Length;
        return context.Response.Body.WriteAsync(body).AsTask();
    }

    /// <summary>The body: the same JSON the web serializer writes for <see cref="CollectApi.CollectResponse"/>.</summary>
    public static byte[] Format(CollectApi.CollectResponse value)
    {
        Span<byte> buffer = stackalloc byte[64];
        System.Text.Unicode.Utf8.TryWrite(buffer, CultureInfo.InvariantCulture, $"{{\"accepted\":{value.Accepted},\"dropped\":{value.Dropped}}}", out var written);
        return buffer[..written].ToArray();
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status202Accepted, typeof(CollectApi.CollectResponse), ["application/json"]));
}
