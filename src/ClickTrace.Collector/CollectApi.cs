using System.Buffers;
using ClickTrace.Collector.Ingestion;
using ClickTrace.Collector.Limits;
using ClickTrace.Collector.Log;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace ClickTrace.Collector;

/// <summary>POST /api/collect: the tag's batches (JSON; text/plain too, which sendBeacon sends).</summary>
public static class CollectApi
{
    public const string CorsPolicy = "collect";

    public static IEndpointRouteBuilder MapCollect(this IEndpointRouteBuilder app)
    {
        // Built now, not on the first request: the classifiers load their data, and a bad data file fails the start.
        app.ServiceProvider.GetRequiredService<IngestPipeline>();
        var group = app.MapGroup("/api").WithTags("Collect").RequireCors(CorsPolicy).RequireRateLimiting(CollectRateLimits.ClientPolicy);
        group.MapPost("/collect", CollectAsync)
            .WithName("Collect")
            .WithSummary("Accepts a batch of events in wire format v1 (docs/wire-format.md).")
            .DisableAntiforgery()
            // The body is read by the handler (limits, gzip, text/plain), so describe it for OpenAPI here
            // instead of with Accepts<T>(), whose content-type matching would answer 415 without our message.
            .AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
            {
                var schema = await context.GetOrCreateSchemaAsync(typeof(Core.Wire.WireBatch), cancellationToken: cancellationToken);
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = schema },
                        ["text/plain"] = new() { Schema = schema },
                        ["application/msgpack"] = new() { Schema = schema },
                    },
                };
            });
        return app;
    }

    /// <summary>The response to an accepted batch.</summary>
    public sealed record CollectResponse(int Accepted, int Dropped);

    internal static async Task<Results<CollectAccepted, ProblemHttpResult>> CollectAsync(
        HttpContext context, IngestPipeline pipeline, IIngestSink sink, CollectRateLimits limits,
        IOptions<CollectorOptions> options, CollectorMetrics metrics, TimeProvider time)
    {
        try
        {
            var encoding = WireEncodings.FromContentType(context.Request.ContentType)
                ?? throw new BatchError(415, "Unsupported media type", "Send the batch as application/json, text/plain (JSON) or application/msgpack.");

            var (buffer, length) = await RequestBody.ReadAsync(context.Request, options.Value.MaxBodyBytes, context.RequestAborted);
            try
            {
                // Once the body is read the batch is processed even if the client hangs up: sendBeacon on a closing
                // page does exactly that, and dropping its batch would lose the last events of every visit.
                var body = buffer.AsMemory(0, length);
                var keys = new List<EventKey>(32);
                var batch = WireDecoder.Scan(body, encoding, keys);
                var origin = context.Request.Headers.Origin.ToString();
                var ingest = new IngestContext(time.GetUtcNow(), origin.Length > 0 ? origin : null, context.Request.Headers.UserAgent, context.Connection.RemoteIpAddress);
                var admission = await pipeline.AdmitAsync(batch, keys, ingest, CancellationToken.None);

                if (!limits.TryTakeSite(admission.SiteId, admission.Accepted))
                {
                    metrics.Refused(StatusCodes.Status429TooManyRequests);
                    context.Response.Headers.RetryAfter = "1";
                    return TypedResults.Problem(statusCode: 429, title: "Too many events", detail: $"Site '{admission.SiteId}' sends more events per second than the collector allows; retry after the Retry-After delay.");
                }
                var appended = admission.Accepted == 0 ? AppendResult.Durable : await sink.AcceptAsync(
                    new BatchRecord(ingest.ReceivedAt, encoding, admission.SessionId, admission.VisitorId, ingest.UserAgent, body, admission.Country), CancellationToken.None);
                if (appended != AppendResult.Durable)
                {
                    metrics.Refused(503);
                    context.Response.Headers.RetryAfter = appended switch { AppendResult.Full => "30", AppendResult.Failed => "5", _ => "2" };
                    return TypedResults.Problem(statusCode: 503, title: "Collector busy", detail: appended switch
                    {
                        AppendResult.Full => "The event log is at its disk cap (the store is catching up); retry after the Retry-After delay.",
                        AppendResult.Failed => "The event log could not write the batch; nothing was kept. Retry after the Retry-After delay.",
                        _ => "Too many events are waiting for the disk; retry after the Retry-After delay.",
                    });
                }
                metrics.Accepted(admission.Accepted);
                return new CollectAccepted(new CollectResponse(admission.Accepted, admission.Drops.Count));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (BatchError error)
        {
            metrics.Refused(error.Status);
            return TypedResults.Problem(statusCode: error.Status, title: error.Title, detail: error.Detail);
        }
        catch (Exception error) when (error is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away before its body arrived: nothing was accepted, nobody is listening.
            metrics.Refused(StatusCodes.Status499ClientClosedRequest);
            return TypedResults.Problem(statusCode: StatusCodes.Status499ClientClosedRequest, title: "Client closed request");
        }
        catch (BadHttpRequestException error)
        {
            metrics.Refused(error.StatusCode);
            return TypedResults.Problem(statusCode: error.StatusCode, title: "Bad request", detail: error.Message);
        }
    }
}
