using System.Buffers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClickTrace.LoadTest;

/// <summary>The baseline: a Kestrel endpoint that reads a request body and answers 204, nothing else.</summary>
internal static class BareServer
{
    public static void Run(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/api/collect", async (HttpContext context) =>
        {
            var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                while (await context.Request.Body.ReadAsync(buffer) > 0) { }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            return Results.NoContent();
        });
        app.Run();
    }
}
