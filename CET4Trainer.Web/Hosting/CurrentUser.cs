using System.Security.Claims;
using CET4Trainer.Core.Features.Accounts;
using CET4Trainer.Core.Features.Items;
using Microsoft.AspNetCore.Components.Authorization;

namespace CET4Trainer.Web.Hosting;

// The signed-in user as the services need them: an id from the authentication cookie, never from a URL.
public sealed class CurrentUser(AuthenticationStateProvider auth)
{
    public async Task<Viewer> ViewerAsync()
    {
        var user = (await auth.GetAuthenticationStateAsync()).User;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");
        return new Viewer(id, user.IsInRole(Roles.Admin));
    }
}
