using System.Security.Claims;
using CET4Trainer.Core.Telemetry.Metrics;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CET4Trainer.Web.Hosting;

// Counts signed-in people with a connected circuit for the monitoring pages (one per circuit scope).
public sealed class ActiveUserCircuitHandler(AuthenticationStateProvider authentication, ActiveUsers users) : CircuitHandler
{
    private string? counted;

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (counted is not null) return;
        var state = await authentication.GetAuthenticationStateAsync();
        var id = state.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null) return;
        counted = id;
        users.Opened(id);
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Release();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Release();
        return Task.CompletedTask;
    }

    private void Release()
    {
        if (counted is null) return;
        users.Closed(counted);
        counted = null;
    }
}
