using System.Globalization;
using CET4Trainer.Tests.TestSupport;
using Microsoft.Playwright;

namespace CET4Trainer.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
public sealed class MonitoringFlowTests(BrowserApp browser)
{
    [Fact]
    public async Task AnAdmin_SeesRequestsPerSecondRise_WhileTrafficIsSent_OnAPhoneSizedPage()
    {
        var page = await browser.LoginAsync("admin@cet4.local", width: 375);
        await page.WaitForURLAsync("**/admin");
        await BrowserApp.GotoInteractiveAsync(page, "/admin/monitoring");
        var rps = page.GetByTestId("m-rps");
        await Assertions.Expect(rps).ToBeVisibleAsync();
        var before = Read(await rps.TextContentAsync());

        using var client = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        var sending = Task.Run(async () =>
        {
            for (var round = 0; round < 40; round++)
            {
                await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => client.GetAsync("/health/live")));
                await Task.Delay(100);
            }
        }, TestContext.Current.CancellationToken);

        // 1,000 requests within the 60-second window add at least 16 a second, whatever else is running.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var now = before;
        while (now < before + 10 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
            now = Read(await rps.TextContentAsync());
        }
        await sending;

        Assert.True(now >= before + 10, $"requests per second went from {before} to {now}");
        await Assertions.Expect(page.GetByTestId("m-p95")).Not.ToHaveTextAsync("—");
        await page.GetByTestId("mon-nav-routes").ClickAsync();
        await Assertions.Expect(page.GetByTestId("routes-table")).ToContainTextAsync("/health/live");
        await page.Context.CloseAsync();
    }

    private static double Read(string? text) => double.Parse(text!.Trim(), CultureInfo.InvariantCulture);
}
