using System.Net;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Accounts;
using CET4Trainer.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CET4Trainer.Tests.Features.Accounts;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DemoAccountSeederTests
{
    [Fact]
    public async Task WithoutConfiguredPassword_GeneratesOneWritesOwnerOnlyFileAndNeverLogsIt()
    {
        await using var app = new Cet4AppFactory().With("Seed:DemoPassword", "");
        app.CreateClient();
        var file = Path.Combine(app.Folder.Path, "data", "demo-accounts.txt");

        Assert.True(File.Exists(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        var text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        var password = text.Split("password: ")[1].Split(Environment.NewLine)[0].Trim();
        Assert.Equal(16, password.Length);
        foreach (var (email, _, _) in DemoAccountSeeder.Accounts)
        {
            Assert.Contains(email, text);
            var login = await FormLogin.LoginAsync(app.CreateClient(new() { AllowAutoRedirect = false }), email, password);
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }
        Assert.DoesNotContain(password, app.Logs.All);
    }

    [Fact]
    public async Task DemoAccounts_HaveTheirRoles_AndASecondStartChangesNothing()
    {
        await using var app = new Cet4AppFactory();
        app.CreateClient();
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var (email, role, _) in DemoAccountSeeder.Accounts)
        {
            var user = await users.FindByEmailAsync(email);
            Assert.Equal([role], await users.GetRolesAsync(user!));
        }
        var stamp = (await users.FindByEmailAsync("student@cet4.local"))!.SecurityStamp;

        foreach (var seeder in scope.ServiceProvider.GetServices<Core.Data.Seeding.ISeeder>())
        {
            await seeder.SeedAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(stamp, (await users.FindByEmailAsync("student@cet4.local"))!.SecurityStamp);
        Assert.False(File.Exists(Path.Combine(app.Folder.Path, "data", "demo-accounts.txt")));
    }

    [Fact]
    public async Task DemoDataOff_CreatesNoAccounts()
    {
        await using var app = new Cet4AppFactory().With("Seed:DemoData", "false");
        app.CreateClient();
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        Assert.Null(await users.FindByEmailAsync("admin@cet4.local"));
    }

    [Fact]
    public void GeneratedPasswords_MeetThePolicyAndDiffer()
    {
        var first = PasswordGenerator.Create();

        for (var i = 0; i < 200; i++)
        {
            var password = PasswordGenerator.Create();
            Assert.Matches("[0-9]", password);
            Assert.Matches("[a-z]", password);
            Assert.Matches("[A-Z]", password);
            Assert.True(password.Distinct().Count() >= 4);
        }
        Assert.NotEqual(first, PasswordGenerator.Create());
        Assert.Throws<ArgumentOutOfRangeException>(() => PasswordGenerator.Create(6));
    }
}
