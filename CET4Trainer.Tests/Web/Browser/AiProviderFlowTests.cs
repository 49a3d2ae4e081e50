using System.Text.RegularExpressions;
using CET4Trainer.Core.Features.Grading;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.QuestionGeneration;
using CET4Trainer.Tests.TestSupport;
using Microsoft.Playwright;

namespace CET4Trainer.Tests.Web.Browser;

// The AI features in the browser with a provider configured: it answers, and it is down.
[Collection(AiBrowserCollection.Name)]
public sealed class AiProviderFlowTests(AiBrowserApp browser)
{
    private const string Essay = "Many students believe that reading every day is important. First, reading widens our knowledge of the world. " +
        "Moreover, it improves our vocabulary and our writing. However, some students say they have no time. In my opinion, " +
        "even twenty minutes a day can make a real difference, because small habits add up over a whole term. Reading before bed " +
        "also helps us relax after a long day of classes, and it gives us ideas to share with our friends. In addition, libraries on " +
        "campus are open until late at night, so finding a quiet place to read is not difficult for anyone who really wants to try. Therefore, I strongly " +
        "suggest that every student should set aside some time for reading, no matter how busy the term becomes.";

    private static readonly GradingAnswer Graded = new()
    {
        Score = 11,
        Evidence = [new("reading widens our knowledge of the world", "论点清楚"), new("this sentence is not in the essay", "虚构的引文")],
        Strengths = ["结构完整，衔接词使用恰当。"],
        Errors = [new("some students say they have no time", "some students claim that they have no time", "say 语气偏口语")],
        ToNextBand = ["增加一个具体例子支撑第二个论点。"],
        OnTopic = true,
        Confidence = 0.9,
        Summary = "切题，表达清楚，有少量语言错误。",
    };

    [Fact]
    public async Task WithTheProviderUp_AStudentsEssayIsGradedByIt_WithBandFeedbackAndUnverifiedQuotesMarked()
    {
        browser.Provider.Responder = (_, _) => FakeReply.Json(Graded);
        var page = await WriteEssayAsync();

        await Assertions.Expect(page.GetByTestId("essay-engine")).ToHaveTextAsync($"AI 评分 · {AiBrowserApp.ProviderName}");
        await Assertions.Expect(page.GetByTestId("essay-score")).ToHaveTextAsync("11 / 15");
        await Assertions.Expect(page.GetByTestId("essay-band")).ToHaveTextAsync("11 分档");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("some students claim that they have no time");
        await Assertions.Expect(page.GetByTestId("evidence-verified")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("evidence-unverified")).ToHaveCountAsync(1);
        Assert.Contains(browser.Provider.Requests, r => r.MessagesText.Contains("small habits add up"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WithTheProviderDown_AStudentsEssayStillGetsABand_FromTheOfflineEngine_AndSaysSo()
    {
        browser.Provider.Responder = (_, _) => FakeReply.Status(503);
        var page = await WriteEssayAsync();

        await Assertions.Expect(page.GetByTestId("essay-engine")).ToHaveTextAsync("离线估算");
        await Assertions.Expect(page.GetByTestId("essay-band")).ToHaveTextAsync(new Regex(@"^(0|2|5|8|11|14) 分档$"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WithTheProviderUp_ATeacherGeneratesTenReadingItems_AndWatchesThemArrive_LabelledWithTheProvider()
    {
        var item = GeneratedItem.From(SampleItems.Valid(ItemType.CarefulReading));
        browser.Provider.Responder = (_, _) => FakeReply.Json(item) with { Delay = TimeSpan.FromMilliseconds(150) };
        var page = await StartGenerationAsync($"{ItemTypes.ChineseName(ItemType.CarefulReading)}（需要 AI 服务）", "10");

        await Assertions.Expect(page.GetByTestId("ai-task-done")).ToHaveTextAsync("10", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("ai-task-status")).ToHaveTextAsync("已完成");
        await Assertions.Expect(page.GetByTestId("ai-task-engine")).ToContainTextAsync(AiBrowserApp.ProviderName);
        await Assertions.Expect(page.GetByTestId("gen-saved-count")).ToHaveTextAsync("10");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WithTheProviderDown_VocabularyGenerationStillWorks_ThroughTheOfflineEngine_AndSaysSo()
    {
        browser.Provider.Responder = (_, _) => FakeReply.Status(500);
        var page = await StartGenerationAsync(null, "5");

        await Assertions.Expect(page.GetByTestId("ai-task-done")).ToHaveTextAsync("5", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("ai-task-status")).ToHaveTextAsync("已完成");
        await Assertions.Expect(page.GetByTestId("ai-task-engine")).ToContainTextAsync("离线引擎");
        await Assertions.Expect(page.GetByTestId("gen-saved-count")).ToHaveTextAsync("5");
        await page.Context.CloseAsync();
    }

    private async Task<IPage> WriteEssayAsync()
    {
        var page = await browser.LoginAsync(await browser.CreateUserAsync("Student"));
        await page.WaitForURLAsync(new Regex("/student$"));
        await BrowserApp.GotoInteractiveAsync(page, "/student/practice");
        await BrowserApp.SelectAsync(page, "题型", "写作");
        await page.GetByTestId("start-drill").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/student/practice/\d+$"));
        await BrowserApp.WaitInteractiveAsync(page);
        await page.GetByTestId("essay-input").FillAsync(Essay);
        await page.GetByTestId("essay-submit").ClickAsync();
        return page;
    }

    private async Task<IPage> StartGenerationAsync(string? type, string count)
    {
        var page = await browser.LoginAsync(await browser.CreateUserAsync("Teacher"));
        await page.WaitForURLAsync(new Regex("/teacher$"));
        await BrowserApp.GotoInteractiveAsync(page, "/teacher/items/ai-generate");
        if (type is not null) await BrowserApp.SelectAsync(page, "题型", type);
        await page.GetByTestId("gen-topic").FillAsync("environment");
        await page.GetByTestId("gen-count").FillAsync(count);
        await page.GetByTestId("gen-start").ClickAsync();
        await page.WaitForURLAsync(new Regex("/teacher/items/ai-generate/[0-9a-f-]{36}$"));
        return page;
    }
}
