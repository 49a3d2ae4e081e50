using System.Text.RegularExpressions;
using CET4Trainer.Tests.TestSupport;
using Microsoft.Playwright;

namespace CET4Trainer.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
public sealed class PracticeFlowTests(BrowserApp browser)
{
    [Fact]
    public async Task Student_AnswersThreeItems_Reloads_AndContinuesAtTheFourthWithTheAnswersKept()
    {
        var page = await browser.LoginAsync("student@cet4.local");
        await page.WaitForURLAsync(new Regex("/student$"));
        await BrowserApp.GotoInteractiveAsync(page, "/student/practice");

        await BrowserApp.SelectAsync(page, "题型", "词汇·看释义选单词");
        await BrowserApp.SelectAsync(page, "数量", "5");
        await page.GetByTestId("start-drill").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/student/practice/\d+$"));
        await BrowserApp.WaitInteractiveAsync(page);

        var chosen = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await Assertions.Expect(page.GetByTestId("progress")).ToContainTextAsync($"第 {i + 1} / 5 组");
            var option = page.GetByTestId($"option-1-{"ABC"[i]}");
            chosen.Add((await option.InnerTextAsync()).Trim());
            await option.ClickAsync();
            await Assertions.Expect(page.GetByTestId("feedback")).ToBeVisibleAsync();
            await page.GetByTestId("next-question").ClickAsync();
        }
        await Assertions.Expect(page.GetByTestId("progress")).ToContainTextAsync("第 4 / 5 组 · 已答 3 / 5 题");

        await page.ReloadAsync();
        await BrowserApp.WaitInteractiveAsync(page);

        await Assertions.Expect(page.GetByTestId("progress")).ToContainTextAsync("第 4 / 5 组 · 已答 3 / 5 题");
        await Assertions.Expect(page.GetByTestId("feedback")).ToHaveCountAsync(0);
        for (var i = 2; i >= 0; i--)
        {
            await page.GetByTestId("previous-question").ClickAsync();
            await Assertions.Expect(page.GetByTestId("progress")).ToContainTextAsync($"第 {i + 1} / 5 组");
            await Assertions.Expect(page.GetByTestId($"option-1-{"ABC"[i]}")).ToHaveAttributeAsync("aria-checked", "true");
            await Assertions.Expect(page.GetByTestId($"option-1-{"ABC"[i]}")).ToHaveTextAsync(chosen[i]);
            await Assertions.Expect(page.GetByTestId("feedback")).ToBeVisibleAsync();
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Student_WritesAnEssay_TheDraftSurvivesAReload_AndSubmittingShowsABandLabelledOffline()
    {
        var page = await browser.LoginAsync("student@cet4.local");
        await page.WaitForURLAsync(new Regex("/student$"));
        await BrowserApp.GotoInteractiveAsync(page, "/student/practice");
        await BrowserApp.SelectAsync(page, "题型", "写作");
        await page.GetByTestId("start-drill").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/student/practice/\d+$"));
        await BrowserApp.WaitInteractiveAsync(page);

        const string essay = "Many students believe that reading every day is important. First, reading widens our knowledge of the world. " +
            "Moreover, it improves our vocabulary and our writing. However, some students say they have no time. In my opinion, " +
            "even twenty minutes a day can make a real difference, because small habits add up over a whole term.";
        await page.GetByTestId("essay-input").FillAsync(essay);
        await Assertions.Expect(page.GetByTestId("draft-status")).ToContainTextAsync("草稿已保存");
        await page.ReloadAsync();
        await BrowserApp.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("essay-input")).ToHaveValueAsync(essay);

        await page.GetByTestId("essay-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("essay-score")).ToContainTextAsync("/ 15");
        await Assertions.Expect(page.GetByTestId("essay-engine")).ToHaveTextAsync("离线估算");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Student_SitsAWholeMock_HandingInEachPart_AndSeesSectionEstimates()
    {
        var page = await browser.LoginAsync("student@cet4.local");
        await page.WaitForURLAsync(new Regex("/student$"));
        await BrowserApp.GotoInteractiveAsync(page, "/student/practice");
        await page.GetByTestId("start-mock").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/student/practice/\d+$"));
        await BrowserApp.WaitInteractiveAsync(page);

        await Assertions.Expect(page.GetByTestId("mock-clock")).ToContainTextAsync("Part I Writing");
        await Assertions.Expect(page.GetByTestId("progress")).ToContainTextAsync("/ 57 题");
        await page.GetByTestId("essay-input").FillAsync("Reading every day helps students. It widens knowledge and improves writing. However, time is short, so small daily habits matter most.");
        await Assertions.Expect(page.GetByTestId("draft-status")).ToContainTextAsync("草稿已保存");
        await page.GetByTestId("mock-hand-in").ClickAsync();
        await Assertions.Expect(page.GetByTestId("mock-clock")).ToContainTextAsync("Part II Listening");
        await page.GetByTestId("option-1-A").ClickAsync();
        // In a mock the answer waits for the end: no feedback yet, and nothing to explain.
        await Assertions.Expect(page.GetByTestId("feedback")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("explain-why")).ToHaveCountAsync(0);
        await page.GetByTestId("mock-hand-in").ClickAsync();
        await Assertions.Expect(page.GetByTestId("mock-clock")).ToContainTextAsync("Part III Reading");
        await page.GetByTestId("mock-hand-in").ClickAsync();
        await Assertions.Expect(page.GetByTestId("mock-clock")).ToContainTextAsync("Part IV Translation");
        await page.GetByTestId("mock-finish").ClickAsync();

        await Assertions.Expect(page.GetByTestId("session-result")).ToContainTextAsync("估算");
        await Assertions.Expect(page.GetByTestId("mock-section-Listening")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("mock-section-Writing")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("mock-total")).ToContainTextAsync("/ 710");
        await page.Context.CloseAsync();
    }
}
