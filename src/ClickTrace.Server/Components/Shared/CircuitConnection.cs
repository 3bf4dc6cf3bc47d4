using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ClickTrace.Server.Components.Shared;

/// <summary>
/// Whether this circuit's browser is connected. A closed tab's circuit is kept for a few minutes in case it
/// reconnects; a page that refreshes itself (the overview) asks this first, so closed tabs do not keep
/// querying the store.
/// </summary>
public sealed class CircuitConnection : CircuitHandler
{
    private volatile bool _connected = true;

    public bool Connected => _connected;

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _connected = true;
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _connected = false;
        return Task.CompletedTask;
    }
}
