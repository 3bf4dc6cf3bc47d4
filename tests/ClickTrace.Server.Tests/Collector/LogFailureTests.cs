using System.Net;
using System.Text.Json.Nodes;
using ClickTrace.Collector.Ingestion;
using ClickTrace.Collector.Log;
using ClickTrace.Server.Tests.Hosting;
using ClickTrace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ClickTrace.Server.Tests.Collector;

public sealed class LogFailureTests
{
    /// <summary>A log whose disk refuses every write (the WAL's own tests make the real one fail).</summary>
    private sealed class FailingSink : IIngestSink
    {
        public ValueTask<AppendResult> AcceptAsync(BatchRecord record, CancellationToken cancellationToken) => ValueTask.FromResult(AppendResult.Failed);
    }

    [Fact]
    public async Task A_batch_the_log_could_not_write_is_a_503_problem_with_retry_after_not_a_500()
    {
        using var app = new ClickTraceApp(TestEngine.UniqueDatabaseName("logfail"), services: services => services.AddSingleton<IIngestSink, FailingSink>());
        await app.CreateSiteAsync("logfail");

        using var response = await app.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch("logfail", Wire.Pageview())));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
        Assert.Contains("could not write the batch", (string?)problem["detail"], StringComparison.Ordinal);
    }
}
