using System.Net;
using System.Text.Json.Nodes;
using ClickTrace.Testing;

namespace ClickTrace.Server.Tests.Hosting;

public sealed class RestartTests
{
    [Fact]
    public async Task Events_accepted_before_a_stop_are_there_after_a_start()
    {
        var database = TestEngine.UniqueDatabaseName("restart");
        using (var first = new ClickTraceApp(database))
        {
            await first.CreateSiteAsync("kept");
            using var response = await first.Http.PostAsync("/api/collect", Wire.Json(Wire.Batch("kept", Wire.Pageview("/a"), Wire.Pageview("/b"), Wire.Click("#c", "C"))));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            // Stopping right away: the shipper's shutdown flush must store the queued events.
        }

        using var second = new ClickTraceApp(database);
        var overview = JsonNode.Parse(await second.Http.GetStringAsync("/api/sites/kept/overview?period=today"))!;

        Assert.Equal((2L, 1L), ((long)overview["totals"]!["pageviews"]!, (long)overview["totals"]!["clicks"]!));
        Assert.Single(JsonNode.Parse(await second.Http.GetStringAsync("/api/sites"))!.AsArray(), s => (string?)s!["id"] == "kept");
    }
}
