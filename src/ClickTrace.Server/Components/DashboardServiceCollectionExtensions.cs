using ClickTrace.Server.Components.Shared;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ClickTrace.Server.Components;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>The Blazor dashboard (interactive server rendering), each circuit's connection state, and the drill-downs it starts ahead.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        // A prerendered report comes back in the circuit's first message (ReportPage.OncePerViewAsync), as base64 in JSON.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 2 * ReportPage.MaxHandoverBytes);
        services.AddScoped<CircuitConnection>();
        services.AddScoped<CircuitHandler>(provider => provider.GetRequiredService<CircuitConnection>());
        services.AddSingleton<Pages.AbandonmentPrefetch>();
        return services;
    }
}
