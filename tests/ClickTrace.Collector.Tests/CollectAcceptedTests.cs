using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ClickTrace.Collector.Tests;

public sealed class CollectAcceptedTests
{
    [Theory]
    [InlineData(20, 0)]
    [InlineData(0, 100)]
    [InlineData(int.MaxValue, int.MinValue)]
    public void The_body_is_what_the_web_serializer_writes(int accepted, int dropped)
    {
        var value = new CollectApi.CollectResponse(accepted, dropped);

        Assert.Equal(JsonSerializer.Serialize(value, JsonSerializerOptions.Web), Encoding.UTF8.GetString(CollectAccepted.Format(value)));
    }

    [Fact]
    public async Task It_answers_202_with_the_length_of_its_json_body()
    {
        var context = new DefaultHttpContext();
        using var body = new MemoryStream();
        context.Response.Body = body;

        await new CollectAccepted(new CollectApi.CollectResponse(20, 1)).ExecuteAsync(context);

        Assert.Equal(202, context.Response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", context.Response.ContentType);
        Assert.Equal("{\"accepted\":20,\"dropped\":1}", Encoding.UTF8.GetString(body.ToArray()));
        Assert.Equal(body.Length, context.Response.ContentLength);
    }
}
