using System.Net;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Accounts;
using CET4Trainer.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CET4Trainer.Tests.Features.Accounts;

public sealed class AuthorizationTests(Cet4AppFactory app) : IClassFixture<Cet4AppFactory>
{
    private HttpClient NewClient() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("/teacher")]
    [InlineData("/student")]
    [InlineData("/admin")]
    public async Task AnonymousVisit_ToRolePage_RedirectsToLogin(string path)
    {
        var response = await NewClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
        Assert.Contains(Uri.EscapeDataString(path), response.Headers.Location!.Query);
    }

    [Theory]
    [InlineData("student@cet4.local", "/admin")]
    [InlineData("student@cet4.local", "/teacher")]
    [InlineData("teacher@cet4.local", "/admin")]
    [InlineData("teacher@cet4.local", "/student")]
    public async Task SignedInUser_OpeningAnotherRolesPage_IsRefused(string email, string path)
    {
        var client = NewClient();
        await FormLogin.LoginAsync(client, email, app.DemoPassword);

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("student@cet4.local", "/student")]
    [InlineData("teacher@cet4.local", "/teacher")]
    [InlineData("admin@cet4.local", "/admin")]
    [InlineData("admin@cet4.local", "/teacher")]
    public async Task SignedInUser_OpensOwnArea(string email, string path)
    {
        var client = NewClient();
        var login = await FormLogin.LoginAsync(client, email, app.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccountForFifteenMinutes()
    {
        var email = await CreateStudentAsync("lock");
        var client = NewClient();
        for (var i = 1; i < AccountRegistration.MaxFailedLogins; i++)
        {
            var wrong = await FormLogin.LoginAsync(client, email, "Wrong-password-1");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        var fifth = await FormLogin.LoginAsync(client, email, "Wrong-password-1");
        Assert.Equal("/Account/Lockout", fifth.Headers.Location!.AbsolutePath);

        var right = await FormLogin.LoginAsync(client, email, app.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/Account/Lockout", right.Headers.Location!.AbsolutePath);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var end = (await users.FindByEmailAsync(email))!.LockoutEnd!.Value;
        Assert.InRange(end - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
    }

    [Fact]
    public async Task WrongPassword_ShowsMessageAndKeepsTheEmail()
    {
        var response = await FormLogin.LoginAsync(NewClient(), "student@cet4.local", "Not-the-password-9");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("邮箱或密码不正确", html);
        Assert.Contains("value=\"student@cet4.local\"", html);
    }

    [Fact]
    public async Task SelfRegistration_CreatesAStudentAndSignsIn()
    {
        var client = NewClient();
        var email = $"new-{Guid.NewGuid():N}@example.edu.cn";

        var response = await FormLogin.PostFormAsync(client, "/Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "张三",
            ["Input.Email"] = email,
            ["Input.Password"] = "Cet4-practice-2026",
            ["Input.ConfirmPassword"] = "Cet4-practice-2026",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/student", response.Headers.Location!.AbsolutePath);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.Equal(["Student"], await users.GetRolesAsync(user!));
        Assert.Equal("张三", user!.DisplayName);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/student", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task SelfRegistration_WithWeakPassword_ExplainsInChineseAndCreatesNothing()
    {
        var email = $"weak-{Guid.NewGuid():N}@example.edu.cn";
        var response = await FormLogin.PostFormAsync(NewClient(), "/Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "李四",
            ["Input.Email"] = email,
            ["Input.Password"] = "abcdefgh",
            ["Input.ConfirmPassword"] = "abcdefgh",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("密码必须包含至少一个数字", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        using var scope = app.Services.CreateScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        var client = NewClient();
        await FormLogin.LoginAsync(client, "student@cet4.local", app.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/student", TestContext.Current.CancellationToken)).StatusCode);

        // The logout form lives on interactive pages; any page's antiforgery token is valid for it.
        var html = await client.GetStringAsync("/Account/Login", TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetAsync("/student", TestContext.Current.CancellationToken);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery);
    }

    private async Task<string> CreateStudentAsync(string prefix)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"{prefix}-{Guid.NewGuid():N}@example.edu.cn";
        var user = new ApplicationUser { UserName = email, Email = email };
        Assert.True((await users.CreateAsync(user, app.DemoPassword)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Student);
        return email;
    }
}
