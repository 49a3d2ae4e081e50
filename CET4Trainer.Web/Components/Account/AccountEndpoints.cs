using CET4Trainer.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CET4Trainer.Web.Components.Account;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapCet4AccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post with an antiforgery token, so a third-party page cannot log a user out.
        endpoints.MapPost("/Account/Logout", async ([FromServices] SignInManager<ApplicationUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        });
        return endpoints;
    }
}
