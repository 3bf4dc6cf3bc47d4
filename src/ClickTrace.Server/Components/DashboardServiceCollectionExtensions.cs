using ClickTrace.Server.Components.Shared;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ClickTrace.Server.Components;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>The Blazor dashboard (interactive server rendering), and each circuit's connection state.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddScoped<CircuitConnection>();
        services.AddScoped<CircuitHandler>(provider => provider.GetRequiredService<CircuitConnection>());
        return services;
    }
}
