using CET4Trainer.Tests.TestSupport;
using Microsoft.Playwright;

namespace CET4Trainer.Tests.Web.Browser;

// The app with alerts evaluated every five seconds, so a browser test can watch one fire and resolve.
public sealed class AlertBrowserApp : BrowserApp
{
    protected override ValueTask ConfigureAsync(Cet4AppFactory app)
    {
        app.With("Monitoring:Alerts:EvaluateEverySeconds", "5").With("Monitoring:Alerts:FirstEvaluationDelaySeconds", "5");
        return ValueTask.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class AlertBrowserCollection : ICollectionFixture<AlertBrowserApp>
{
    public const string Name = "alert-browser";
}

[Collection(AlertBrowserCollection.Name)]
public sealed class AlertFlowTests(AlertBrowserApp browser)
{
    [Fact]
    public async Task AnAdmin_LowersTheMemoryThreshold_SeesTheAlertFireInTheBanner_ThenRaisesIt_AndSeesItResolve()
    {
        var page = await browser.LoginAsync("admin@cet4.local");
        await page.WaitForURLAsync("**/admin");
        await BrowserApp.GotoInteractiveAsync(page, "/admin/alerts");
        var memory = page.GetByTestId("alert-rule-memory_mb");

        // Bad input first: the message is in Chinese and the typed values stay.
        await memory.GetByTestId("alert-edit").ClickAsync();
        await memory.GetByTestId("alert-warning").FillAsync("5000");
        await memory.GetByTestId("alert-critical").FillAsync("100");
        await memory.GetByTestId("alert-save").ClickAsync();
        await Assertions.Expect(memory.GetByTestId("alert-error")).ToContainTextAsync("“严重”阈值不能低于“警告”阈值");
        await Assertions.Expect(memory.GetByTestId("alert-warning")).ToHaveValueAsync("5000");

        // Any running process uses more than 1 MB: the rule fires at the next evaluation.
        await memory.GetByTestId("alert-warning").FillAsync("1");
        await memory.GetByTestId("alert-critical").FillAsync("2000000");
        await memory.GetByTestId("alert-for").FillAsync("0");
        await memory.GetByTestId("alert-save").ClickAsync();
        await Assertions.Expect(memory.GetByTestId("alert-editor")).ToHaveCountAsync(0);

        var banner = page.GetByTestId("alert-banner");
        await Assertions.Expect(banner).ToContainTextAsync("内存占用", new() { Timeout = 30_000 });
        await Assertions.Expect(memory.GetByTestId("alert-status")).ToContainTextAsync("告警中");
        await Assertions.Expect(page.Locator("[data-testid=alert-event-memory_mb][data-kind=Fired]")).ToHaveCountAsync(1);

        // The banner is on every page for an admin, not only on the alerts page.
        var elsewhere = await browser.LoginAsync("admin@cet4.local", width: 375);
        await elsewhere.WaitForURLAsync("**/admin");
        await BrowserApp.GotoInteractiveAsync(elsewhere, "/admin/ai");
        await Assertions.Expect(elsewhere.GetByTestId("alert-banner")).ToContainTextAsync("内存占用");

        await memory.GetByTestId("alert-edit").ClickAsync();
        await memory.GetByTestId("alert-warning").FillAsync("1000000");
        await memory.GetByTestId("alert-save").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=alert-event-memory_mb][data-kind=Resolved]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Assertions.Expect(memory.GetByTestId("alert-status")).ToContainTextAsync("已恢复");
        await Assertions.Expect(page.Locator("[data-testid=alert-banner]").Filter(new() { HasText = "内存占用" })).ToHaveCountAsync(0);
        await Assertions.Expect(elsewhere.Locator("[data-testid=alert-banner]").Filter(new() { HasText = "内存占用" })).ToHaveCountAsync(0);
        await elsewhere.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ATeacher_SeesNoBanner_AndIsRefusedTheAlertsPage()
    {
        var page = await browser.LoginAsync("teacher@cet4.local");
        await page.WaitForURLAsync("**/teacher");

        await page.GotoAsync("/admin/alerts");

        await Assertions.Expect(page.GetByTestId("alert-banner")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("alert-rule-memory_mb")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
