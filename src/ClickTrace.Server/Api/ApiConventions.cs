using System.Text.Json.Serialization;
using Microsoft.Extensions.FileProviders;

namespace ClickTrace.Server.Api;

/// <summary>What every endpoint shares: JSON shape, RFC 7807 problem details for errors, the OpenAPI document.</summary>
public static class ApiConventions
{
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        services.AddOpenApi();
        return services;
    }

    /// <summary>Unhandled exceptions and bare error statuses become problem details, never an HTML error page or a stack trace.</summary>
    public static WebApplication UseApiErrors(this WebApplication app)
    {
        // A request the framework could not bind (a non-numeric number, a bad JSON body) is the client's error.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = error => error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>/lib/: front-end packages that the build copied beside the binaries (ApexCharts).</summary>
    public static WebApplication MapLibraries(this WebApplication app)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "lib");
        if (Directory.Exists(folder))
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder), RequestPath = "/lib" });
        return app;
    }
}
