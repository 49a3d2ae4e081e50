using System.Text.RegularExpressions;
using CET4Trainer.Tests.TestSupport;
using Microsoft.Playwright;

namespace CET4Trainer.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LoginFlowTests(BrowserApp browser)
{
    [Theory]
    [InlineData("student@cet4.local", "/student", "学习首页")]
    [InlineData("teacher@cet4.local", "/teacher", "教学首页")]
    [InlineData("admin@cet4.local", "/admin", "系统概况")]
    public async Task LoggingIn_LandsOnTheRolesPage(string email, string path, string heading)
    {
        var page = await browser.LoginAsync(email);

        await page.WaitForURLAsync(new Regex(Regex.Escape(path) + "$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("user-name")).ToHaveTextAsync(email);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Student_SeesDaysUntilTheNextSitting_AndAPhoneLayoutWithoutSideScroll()
    {
        var page = await browser.LoginAsync("student@cet4.local", width: 375);

        await page.WaitForURLAsync(new Regex("/student$"));
        await Assertions.Expect(page.GetByTestId("days-left")).ToHaveTextAsync(new Regex(@"^(\d+|今天)$"));
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The student page scrolls sideways on a 375 px wide screen.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnonymousVisit_ToTeacherPage_GoesToLogin_ThenBackAfterLogin()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/teacher");

        Assert.Contains("/Account/Login", page.Url);
        await page.GetByTestId("login-email").FillAsync("teacher@cet4.local");
        await page.GetByTestId("login-password").FillAsync(browser.App.DemoPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(new Regex("/teacher$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "教学首页" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Student_OpeningAdminPage_IsRefused()
    {
        var page = await browser.LoginAsync("student@cet4.local");
        await page.WaitForURLAsync(new Regex("/student$"));

        await page.GotoAsync("/admin");

        Assert.Contains("/Account/AccessDenied", page.Url);
        await Assertions.Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Admin_SeesEveryHealthCheckAndTheRuntime()
    {
        var page = await browser.LoginAsync("admin@cet4.local");
        await page.WaitForURLAsync(new Regex("/admin$"));

        await Assertions.Expect(page.GetByTestId("health-overall")).ToContainTextAsync("正常");
        await Assertions.Expect(page.GetByTestId("health-check-database")).ToContainTextAsync("正常");
        await Assertions.Expect(page.GetByTestId("health-check-scheduler")).ToContainTextAsync("正常");
        await Assertions.Expect(page.GetByTestId("runtime-info")).ToContainTextAsync("Sqlite");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Logout_ReturnsToLogin()
    {
        var page = await browser.LoginAsync("student@cet4.local");
        await page.WaitForURLAsync(new Regex("/student$"));

        await page.GetByTestId("logout").ClickAsync();

        await page.WaitForURLAsync(new Regex("/Account/Login"));
        await page.GotoAsync("/student");
        Assert.Contains("/Account/Login", page.Url);
        await page.Context.CloseAsync();
    }
}
