using System.Text.RegularExpressions;
using CET4Trainer.Tests.TestSupport;
using Microsoft.Playwright;

namespace CET4Trainer.Tests.Features.Ai;

[Collection(BrowserCollection.Name)]
public sealed class AiAdminFlowTests(BrowserApp browser)
{
    [Fact]
    public async Task Admin_OpensTheAiPageFromTheMenu_OnAPhone_WithoutSideScroll()
    {
        var page = await browser.LoginAsync("admin@cet4.local", width: 375);
        await page.WaitForURLAsync(new Regex("/admin$"));

        await page.GotoAsync("/admin/ai");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "AI 服务" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("ai-provider-offline")).ToContainTextAsync("离线引擎");
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The AI page scrolls sideways on a 375 px wide screen.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Admin_FindsTheAiPageInTheMenu_WithTheReadinessCheckOnTheOverview()
    {
        var page = await browser.LoginAsync("admin@cet4.local");
        await page.WaitForURLAsync(new Regex("/admin$"));
        await Assertions.Expect(page.GetByTestId("health-check-ai-providers")).ToContainTextAsync("AI 服务");

        await page.GetByTestId("nav-admin-ai").ClickAsync();

        await page.WaitForURLAsync(new Regex("/admin/ai$"));
        await Assertions.Expect(page.GetByTestId("ai-no-providers")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Teacher_OpeningTheAiPage_IsRefused()
    {
        var page = await browser.LoginAsync("teacher@cet4.local");
        await page.WaitForURLAsync(new Regex("/teacher$"));

        await page.GotoAsync("/admin/ai");

        Assert.Contains("/Account/AccessDenied", page.Url);
        await Assertions.Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
