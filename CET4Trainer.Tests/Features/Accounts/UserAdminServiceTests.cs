using System.Net;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Accounts;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CET4Trainer.Tests.Features.Accounts;

// The real host's UserManager over a real SQLite file; sign-ins go through the real login form.
public sealed class UserAdminServiceTests(Cet4AppFactory app) : IClassFixture<Cet4AppFactory>
{
    private UserAdminService Service => app.Services.GetRequiredService<UserAdminService>();

    [Fact]
    public async Task Search_FindsByEmailOrName_AndPages()
    {
        var admin = await AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 5; i++) await CreateAsync($"page-{tag}-{i}@example.edu.cn", Roles.Student, $"翻页{tag}");

        var first = await Service.SearchAsync(admin, tag, page: 1, pageSize: 2, TestContext.Current.CancellationToken);
        var third = await Service.SearchAsync(admin, tag, page: 3, pageSize: 2, TestContext.Current.CancellationToken);
        var byName = await Service.SearchAsync(admin, $"翻页{tag}", 1, 20, TestContext.Current.CancellationToken);
        var none = await Service.SearchAsync(admin, "nobody-" + tag, 1, 20, TestContext.Current.CancellationToken);

        Assert.Equal(5, first.Total);
        Assert.Equal(2, first.Users.Count);
        Assert.Equal($"page-{tag}-4@example.edu.cn", Assert.Single(third.Users).Email);
        Assert.Equal(5, byName.Total);
        Assert.All(byName.Users, u => Assert.Equal([Roles.Student], u.Roles));
        Assert.Equal(0, none.Total);
    }

    [Fact]
    public async Task Roles_CanBeChanged_ButNeverEmpty_UnknownOrAnAdminsOwnAdminRole()
    {
        var admin = await AdminAsync();
        var user = await CreateAsync($"roles-{Guid.NewGuid():N}@example.edu.cn", Roles.Student);

        Assert.True((await Service.SetRolesAsync(admin, user.Id, [Roles.Teacher, Roles.Student], TestContext.Current.CancellationToken)).Succeeded);
        Assert.Equal([Roles.Student, Roles.Teacher], (await RolesOfAsync(user.Id)).Order());
        Assert.Equal("请至少保留一个角色。", (await Service.SetRolesAsync(admin, user.Id, [], TestContext.Current.CancellationToken)).Error);
        Assert.Contains("Root", (await Service.SetRolesAsync(admin, user.Id, ["Root"], TestContext.Current.CancellationToken)).Error);

        var self = await Service.SetRolesAsync(admin, admin.UserId, [Roles.Teacher], TestContext.Current.CancellationToken);

        Assert.False(self.Succeeded);
        Assert.Contains("不能移除自己的管理员角色", self.Error);
        Assert.Contains(Roles.Admin, await RolesOfAsync(admin.UserId));
    }

    [Fact]
    public async Task ALockedUserCannotSignIn_UntilUnlocked_AndAnAdminCannotLockThemself()
    {
        var admin = await AdminAsync();
        var user = await CreateAsync($"lock-{Guid.NewGuid():N}@example.edu.cn", Roles.Student);

        Assert.True((await Service.LockAsync(admin, user.Id, TestContext.Current.CancellationToken)).Succeeded);
        Assert.Equal("/Account/Lockout", (await LoginAsync(user.Email!, app.DemoPassword)).Headers.Location!.AbsolutePath);
        Assert.True((await Service.SearchAsync(admin, user.Email, 1, 10, TestContext.Current.CancellationToken)).Users.Single().IsLocked(DateTimeOffset.UtcNow));

        Assert.True((await Service.UnlockAsync(admin, user.Id, TestContext.Current.CancellationToken)).Succeeded);
        Assert.Equal("/student", (await LoginAsync(user.Email!, app.DemoPassword)).Headers.Location!.AbsolutePath);

        var self = await Service.LockAsync(admin, admin.UserId, TestContext.Current.CancellationToken);
        Assert.Equal("不能锁定自己的账号。", self.Error);
    }

    [Fact]
    public async Task ResetPassword_GivesAOneTimePasswordThatSignsIn_AndMustBeChanged_WhileTheOldOneStopsWorking()
    {
        var admin = await AdminAsync();
        var user = await CreateAsync($"reset-{Guid.NewGuid():N}@example.edu.cn", Roles.Student);

        var result = await Service.ResetPasswordAsync(admin, user.Id, TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.False(string.IsNullOrEmpty(result.OneTimePassword));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(user.Email!, app.DemoPassword)).StatusCode);
        var login = await LoginAsync(user.Email!, result.OneTimePassword!);
        Assert.Equal("/Account/Manage/ChangePassword", login.Headers.Location!.AbsolutePath);
        Assert.True((await FindAsync(user.Id)).MustChangePassword);
    }

    [Fact]
    public async Task CreateTeacher_MakesATeacherWithAOneTimePassword_AndExplainsProblemsInChinese()
    {
        var admin = await AdminAsync();
        var email = $"teacher-{Guid.NewGuid():N}@example.edu.cn";

        var created = await Service.CreateTeacherAsync(admin, email, "赵老师", TestContext.Current.CancellationToken);
        var duplicate = await Service.CreateTeacherAsync(admin, email, "赵老师", TestContext.Current.CancellationToken);
        var noName = await Service.CreateTeacherAsync(admin, "x-" + email, " ", TestContext.Current.CancellationToken);

        Assert.True(created.Succeeded);
        var user = (await Service.SearchAsync(admin, email, 1, 10, TestContext.Current.CancellationToken)).Users.Single();
        Assert.Equal([Roles.Teacher], user.Roles);
        Assert.Equal("赵老师", user.DisplayName);
        // A one-time password leads straight to choosing a new one.
        Assert.Equal("/Account/Manage/ChangePassword", (await LoginAsync(email, created.OneTimePassword!)).Headers.Location!.AbsolutePath);
        Assert.Contains("已被注册", duplicate.Error);
        Assert.Equal("请填写姓名（不超过 50 个字）。", noName.Error);
    }

    [Fact]
    public async Task NonAdmins_AreRefusedEveryOperation()
    {
        var teacherId = (await FindByEmailAsync("teacher@cet4.local")).Id;
        var teacher = new Viewer(teacherId, IsAdmin: false);
        var student = (await FindByEmailAsync("student@cet4.local")).Id;

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service.SearchAsync(teacher, null, 1, 10, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service.SetRolesAsync(teacher, teacherId, [Roles.Admin], TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service.LockAsync(teacher, student, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service.UnlockAsync(teacher, student, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service.ResetPasswordAsync(teacher, student, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service.CreateTeacherAsync(teacher, "t@example.edu.cn", "王", TestContext.Current.CancellationToken));
        Assert.DoesNotContain(Roles.Admin, await RolesOfAsync(teacherId));
    }

    private async Task<Viewer> AdminAsync() => new((await FindByEmailAsync("admin@cet4.local")).Id, IsAdmin: true);

    private Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        FormLogin.LoginAsync(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), email, password);

    private async Task<ApplicationUser> CreateAsync(string email, string role, string? name = null)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = name };
        Assert.True((await users.CreateAsync(user, app.DemoPassword)).Succeeded);
        await users.AddToRoleAsync(user, role);
        return user;
    }

    private async Task<ApplicationUser> FindAsync(string id)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(id))!;
    }

    private async Task<ApplicationUser> FindByEmailAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
    }

    private async Task<IList<string>> RolesOfAsync(string id)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(id))!);
    }
}
