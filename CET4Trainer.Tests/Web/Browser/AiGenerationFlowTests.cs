using System.Text.RegularExpressions;
using CET4Trainer.Tests.TestSupport;
using Microsoft.Playwright;

namespace CET4Trainer.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AiGenerationFlowTests(BrowserApp browser)
{
    // Records every value the done counter shows (a MutationObserver on the page, so no value between two
    // polls is missed) in a window variable, which would be gone had the page reloaded.
    private const string Recorder = """
        () => {
            window.cet4Seen = [];
            const read = () => {
                const el = document.querySelector('[data-testid=ai-task-done]');
                if (!el) return;
                const value = parseInt(el.textContent, 10);
                const seen = window.cet4Seen;
                if (seen.length === 0 || seen[seen.length - 1] !== value) seen.push(value);
            };
            new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    [Fact]
    public async Task Teacher_StartsTenVocabularyItems_AndWatchesTheDoneCountRiseToTen_WithoutReloading()
    {
        var page = await browser.LoginAsync(await browser.CreateUserAsync("Teacher"));
        await page.WaitForURLAsync(new Regex("/teacher$"));
        // A click while the home page is still starting its circuit can be undone when the circuit starts.
        await BrowserApp.WaitInteractiveAsync(page);
        await page.GetByTestId("home-ai-generate").ClickAsync();
        await page.WaitForURLAsync(new Regex("/teacher/items/ai-generate$"));
        await BrowserApp.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("gen-offline-note")).ToBeVisibleAsync();
        await page.EvaluateAsync(Recorder);

        await page.GetByTestId("gen-topic").FillAsync("校园生活");
        await page.GetByTestId("gen-count").FillAsync("10");
        await page.GetByTestId("gen-start").ClickAsync();
        await page.WaitForURLAsync(new Regex("/teacher/items/ai-generate/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.GetByTestId("ai-task-done")).ToHaveTextAsync("10", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("ai-task-status")).ToHaveTextAsync("已完成");

        var seen = await page.EvaluateAsync<int[]?>("() => window.cet4Seen");
        Assert.NotNull(seen);
        TestContext.Current.TestOutputHelper?.WriteLine($"done counts seen: {string.Join(" → ", seen)}");
        // Seen below ten (and between the ends: the count rose item by item), then at ten.
        Assert.Contains(seen, count => count is > 0 and < 10);
        Assert.Equal(10, seen[^1]);
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(10, await page.Locator("[data-testid^=gen-item-]").CountAsync());
        await Assertions.Expect(page.GetByTestId("gen-saved-count")).ToHaveTextAsync("10");
        await Assertions.Expect(page.GetByTestId("ai-task-engine")).ToContainTextAsync("离线引擎");

        await page.GetByTestId("gen-go-review").ClickAsync();
        await page.WaitForURLAsync(new Regex("/teacher/items/review$"));
        await Assertions.Expect(page.GetByTestId("review-row")).ToHaveCountAsync(10);
        await Assertions.Expect(page.GetByTestId("review-row").GetByTestId("source-label")).ToHaveCountAsync(10);
        await Assertions.Expect(page.GetByTestId("source-label").First).ToHaveTextAsync("离线生成");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Teacher_LeavingTheTopicEmpty_IsToldWhatToFill_AndNothingStarts()
    {
        var page = await browser.LoginAsync(await browser.CreateUserAsync("Teacher"));
        await page.WaitForURLAsync(new Regex("/teacher$"));
        await BrowserApp.GotoInteractiveAsync(page, "/teacher/items/ai-generate");

        await page.GetByTestId("gen-count").FillAsync("30");
        await page.GetByTestId("gen-start").ClickAsync();

        await Assertions.Expect(page.GetByText("请填写话题，例如 environment 或 校园生活。")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("一次可以生成 1-20 道题。")).ToBeVisibleAsync();
        Assert.EndsWith("/teacher/items/ai-generate", page.Url);
        await page.Context.CloseAsync();
    }
}
