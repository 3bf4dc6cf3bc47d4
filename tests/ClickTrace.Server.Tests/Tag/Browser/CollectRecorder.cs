using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ClickTrace.Server.Tests.Tag.Browser;

/// <summary>
/// Keeps every body posted to /api/collect, as the collector received it, before the collector reads it
/// (a browser's own view of beacon and keepalive bodies is not reliable).
/// </summary>
public sealed class CollectRecorder : IStartupFilter
{
    private readonly ConcurrentQueue<string> _bodies = new();

    public IReadOnlyCollection<string> Bodies => _bodies;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, inner) =>
        {
            if (context.Request.Path == "/api/collect" && HttpMethods.IsPost(context.Request.Method))
            {
                context.Request.EnableBuffering();
                using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
                _bodies.Enqueue(await reader.ReadToEndAsync());
                context.Request.Body.Position = 0;
            }
            await inner(context);
        });
        next(app);
    };
}
