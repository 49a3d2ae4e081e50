using System.Text.RegularExpressions;
using CET4Trainer.Tests.TestSupport;
using Microsoft.Playwright;

namespace CET4Trainer.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
public sealed class FeynmanFlowTests(BrowserApp browser)
{
    [Fact]
    public async Task OnAPhone_AStudentExplainsAGrammarPoint_AnswersThreeQuestions_AndGetsASavedSummary()
    {
        var email = await browser.CreateUserAsync("Student");
        var page = await browser.LoginAsync(email, width: 375);
        await page.WaitForURLAsync(new Regex("/student$"));
        await BrowserApp.GotoInteractiveAsync(page, "/student/feynman");
        await Assertions.Expect(page.GetByTestId("feynman-history-empty")).ToBeVisibleAsync();

        await page.GetByTestId("feynman-start").ClickAsync();
        await Assertions.Expect(page.GetByTestId("feynman-start-error")).ToContainTextAsync("请先选择一个语法点");

        await BrowserApp.SelectAsync(page, "语法点", "被动语态 Passive voice");
        // The choice has reached the server (the select's own handler finishes after its popover closes).
        await Assertions.Expect(page.GetByTestId("topic-chosen")).ToContainTextAsync("被动语态");
        await page.GetByTestId("feynman-explanation").FillAsync("被动语态就是主语是动作的承受者，用 be 加过去分词，比如 The letter was written by Tom.");
        await page.GetByTestId("feynman-start").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/student/feynman\?session=\d+$"));

        for (var n = 1; n <= 3; n++)
        {
            var tutor = page.Locator("[data-testid=feynman-turn][data-role=Tutor]").Nth(n - 1);
            await Assertions.Expect(tutor).ToContainTextAsync($"问题 {n}/3");
            await Assertions.Expect(tutor.GetByTestId("ai-engine")).ToContainTextAsync("离线引擎");
            await Assertions.Expect(page.GetByTestId("feynman-progress")).ToContainTextAsync($"已提问 {n} / 3");
            await page.GetByTestId("feynman-answer").FillAsync($"第 {n} 个回答：The bridge is being built now, so we take another road.");
            await page.GetByTestId("feynman-send").ClickAsync();
        }

        var summary = page.GetByTestId("feynman-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary.GetByTestId("ai-engine")).ToContainTextAsync("离线引擎");
        await Assertions.Expect(page.GetByTestId("feynman-understood")).ToContainTextAsync("动作的承受者");
        await Assertions.Expect(page.GetByTestId("feynman-practise")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("[data-testid=feynman-turn][data-role=Tutor]")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("feynman-history-item")).ToContainTextAsync("被动语态");
        await Assertions.Expect(page.GetByTestId("feynman-history-item")).Not.ToContainTextAsync("未完成");

        // Saved: a reload shows the whole exchange and the summary again.
        await page.ReloadAsync();
        await BrowserApp.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("feynman-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=feynman-turn][data-role=Student]")).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByTestId("feynman-answer")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
