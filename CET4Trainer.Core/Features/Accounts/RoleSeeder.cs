using CET4Trainer.Core.Data.Seeding;
using Microsoft.AspNetCore.Identity;

namespace CET4Trainer.Core.Features.Accounts;

internal sealed class RoleSeeder(RoleManager<IdentityRole> roles) : ISeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Throw(await roles.CreateAsync(new IdentityRole(role)), role);
            }
        }
    }

    private static void Throw(IdentityResult result, string role)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create role {role}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
