using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Items;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.Accounts;

// The Viewer of a stored user id (a task's owner), for background work that has no signed-in user.
public static class ViewerLookup
{
    public static async Task<Viewer> ForAsync(AppDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        var isAdmin = await db.UserRoles.Where(r => r.UserId == userId)
            .Join(db.Roles, r => r.RoleId, role => role.Id, (r, role) => role.Name)
            .AnyAsync(name => name == Roles.Admin, cancellationToken);
        return new Viewer(userId, isAdmin);
    }
}
