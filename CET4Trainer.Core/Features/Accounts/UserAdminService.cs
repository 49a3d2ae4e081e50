using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Items;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CET4Trainer.Core.Features.Accounts;

public sealed record UserRow(string Id, string Email, string? DisplayName, IReadOnlyList<string> Roles, DateTimeOffset? LockedUntil, DateTime CreatedUtc)
{
    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;
}

public sealed record UserPage(IReadOnlyList<UserRow> Users, int Total, int Page, int PageSize);

// Succeeded with an optional one-time password (shown once, never stored in clear), or an error to show.
public sealed record UserAdminResult(bool Succeeded, string? Error = null, string? OneTimePassword = null)
{
    public static UserAdminResult Ok(string? password = null) => new(true, null, password);

    public static UserAdminResult Fail(string error) => new(false, error);
}

// Admins manage accounts through Identity's UserManager, one scope (and context) per operation so a
// long-lived page never holds a stale context.
public sealed partial class UserAdminService(
    IServiceScopeFactory scopes,
    IDbContextFactory<AppDbContext> dbs,
    TimeProvider clock,
    ILogger<UserAdminService> log)
{
    public const string AdminsOnly = "只有管理员可以管理用户。";
    public const int MaxPageSize = 100;

    public async Task<UserPage> SearchAsync(Viewer viewer, string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        Demand(viewer);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(page, 1);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            var upper = term.ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(upper) || (u.DisplayName != null && u.DisplayName.Contains(term))
                || (u.StudentNumber != null && u.StudentNumber.Contains(term)));
        }
        var total = await query.CountAsync(cancellationToken);
        var users = await query.OrderBy(u => u.NormalizedEmail).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.LockoutEnd, u.CreatedUtc })
            .ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(r => ids.Contains(r.UserId))
            .Join(db.Roles, r => r.RoleId, role => role.Id, (r, role) => new { r.UserId, role.Name })
            .ToListAsync(cancellationToken);
        var rows = users.Select(u => new UserRow(u.Id, u.Email ?? "", u.DisplayName,
            Roles.All.Where(role => roles.Any(r => r.UserId == u.Id && r.Name == role)).ToList(), u.LockoutEnd, u.CreatedUtc)).ToList();
        return new UserPage(rows, total, page, pageSize);
    }

    public Task<UserAdminResult> SetRolesAsync(Viewer viewer, string userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default) =>
        WithUserAsync(viewer, userId, async (users, user) =>
        {
            if (roles.Count == 0) return UserAdminResult.Fail("请至少保留一个角色。");
            if (roles.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown) return UserAdminResult.Fail($"没有名为“{unknown}”的角色。");
            if (user.Id == viewer.UserId && !roles.Contains(Roles.Admin)) return UserAdminResult.Fail("不能移除自己的管理员角色，以免没有人能管理系统。");
            var current = await users.GetRolesAsync(user);
            var removed = await users.RemoveFromRolesAsync(user, current.Except(roles).ToList());
            if (!removed.Succeeded) return Failed(removed);
            var added = await users.AddToRolesAsync(user, roles.Except(current).ToList());
            if (!added.Succeeded) return Failed(added);
            // A new security stamp makes open sessions pick up the new roles (or lose the old ones).
            await users.UpdateSecurityStampAsync(user);
            LogRolesChanged(viewer.UserId, user.Id, string.Join(",", roles));
            return UserAdminResult.Ok();
        });

    public Task<UserAdminResult> LockAsync(Viewer viewer, string userId, CancellationToken cancellationToken = default) =>
        WithUserAsync(viewer, userId, async (users, user) =>
        {
            if (user.Id == viewer.UserId) return UserAdminResult.Fail("不能锁定自己的账号。");
            await users.SetLockoutEnabledAsync(user, true);
            var locked = await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            if (!locked.Succeeded) return Failed(locked);
            await users.UpdateSecurityStampAsync(user);
            LogLocked(viewer.UserId, user.Id);
            return UserAdminResult.Ok();
        });

    public Task<UserAdminResult> UnlockAsync(Viewer viewer, string userId, CancellationToken cancellationToken = default) =>
        WithUserAsync(viewer, userId, async (users, user) =>
        {
            var unlocked = await users.SetLockoutEndDateAsync(user, null);
            if (!unlocked.Succeeded) return Failed(unlocked);
            await users.ResetAccessFailedCountAsync(user);
            LogUnlocked(viewer.UserId, user.Id);
            return UserAdminResult.Ok();
        });

    // The new password is returned once for the admin to hand over; the user must change it at next login.
    public Task<UserAdminResult> ResetPasswordAsync(Viewer viewer, string userId, CancellationToken cancellationToken = default) =>
        WithUserAsync(viewer, userId, async (users, user) =>
        {
            var password = PasswordGenerator.Create();
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, password);
            if (!reset.Succeeded) return Failed(reset);
            user.MustChangePassword = true;
            var saved = await users.UpdateAsync(user);
            if (!saved.Succeeded) return Failed(saved);
            LogPasswordReset(viewer.UserId, user.Id);
            return UserAdminResult.Ok(password);
        });

    public async Task<UserAdminResult> CreateTeacherAsync(Viewer viewer, string email, string displayName, CancellationToken cancellationToken = default)
    {
        Demand(viewer);
        email = email.Trim();
        displayName = displayName.Trim();
        if (email.Length == 0) return UserAdminResult.Fail("请填写邮箱。");
        if (displayName.Length is 0 or > 50) return UserAdminResult.Fail("请填写姓名（不超过 50 个字）。");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var password = PasswordGenerator.Create();
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName,
            MustChangePassword = true, CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return Failed(created);
        var role = await users.AddToRoleAsync(user, Roles.Teacher);
        if (!role.Succeeded) return Failed(role);
        LogTeacherCreated(viewer.UserId, user.Id);
        return UserAdminResult.Ok(password);
    }

    private async Task<UserAdminResult> WithUserAsync(Viewer viewer, string userId, Func<UserManager<ApplicationUser>, ApplicationUser, Task<UserAdminResult>> action)
    {
        Demand(viewer);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        return user is null ? UserAdminResult.Fail("找不到这个用户，可能已被删除。") : await action(users, user);
    }

    private static UserAdminResult Failed(IdentityResult result) =>
        UserAdminResult.Fail(string.Join(" ", result.Errors.Select(e => e.Description)));

    private static void Demand(Viewer viewer)
    {
        if (!viewer.IsAdmin) throw new UnauthorizedAccessException(AdminsOnly);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin {AdminId} set the roles of user {UserId} to {Roles}")]
    private partial void LogRolesChanged(string adminId, string userId, string roles);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin {AdminId} locked user {UserId}")]
    private partial void LogLocked(string adminId, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin {AdminId} unlocked user {UserId}")]
    private partial void LogUnlocked(string adminId, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin {AdminId} reset the password of user {UserId}")]
    private partial void LogPasswordReset(string adminId, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin {AdminId} created teacher account {UserId}")]
    private partial void LogTeacherCreated(string adminId, string userId);
}
