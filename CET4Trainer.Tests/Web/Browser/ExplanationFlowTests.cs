using System.Text.RegularExpressions;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CET4Trainer.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ExplanationFlowTests(BrowserApp browser)
{
    [Fact]
    public async Task AfterAWrongAnswer_WhyShowsTheOfflineExplanationLabelled_AndTheThreeFollowUpsWork()
    {
        var email = await browser.CreateUserAsync("Student");
        var page = await browser.LoginAsync(email);
        await page.WaitForURLAsync(new Regex("/student$"));
        await BrowserApp.GotoInteractiveAsync(page, "/student/practice");
        await BrowserApp.SelectAsync(page, "题型", "仔细阅读");
        await BrowserApp.SelectAsync(page, "数量", "5");
        await page.GetByTestId("start-drill").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/student/practice/\d+$"));
        await BrowserApp.WaitInteractiveAsync(page);

        var (wrong, question) = await WrongChoiceForFirstQuestionAsync(email, int.Parse(new Uri(page.Url).Segments[^1]));
        await page.GetByTestId($"option-1-{wrong}").ClickAsync();
        await Assertions.Expect(page.GetByTestId("feedback").First).ToContainTextAsync("回答错误");
        await page.GetByTestId("explain-why").ClickAsync();

        var first = page.GetByTestId("explain-First");
        await Assertions.Expect(first.GetByTestId("ai-stream")).ToHaveAttributeAsync("data-state", "done");
        await Assertions.Expect(first.GetByTestId("ai-engine")).ToContainTextAsync("离线引擎");
        await Assertions.Expect(first.GetByTestId("ai-stream-text")).ToContainTextAsync("【离线引擎】");
        await Assertions.Expect(first.GetByTestId("ai-stream-text")).ToContainTextAsync(question.Explanation[..20]);

        foreach (var (followUp, label) in new[] { ("AnotherExample", "再举一个例子"), ("Simpler", "说得更简单些"), ("InChinese", "用中文解释") })
        {
            await page.GetByTestId($"explain-followup-{followUp}").ClickAsync();
            var turn = page.GetByTestId($"explain-{followUp}");
            await Assertions.Expect(turn).ToContainTextAsync(label);
            await Assertions.Expect(turn.GetByTestId("ai-stream")).ToHaveAttributeAsync("data-state", "done");
            await Assertions.Expect(turn.GetByTestId("ai-engine")).ToContainTextAsync("离线引擎");
            await Assertions.Expect(page.GetByTestId($"explain-followup-{followUp}")).ToBeDisabledAsync();
        }
        await Assertions.Expect(page.GetByTestId("explain-Simpler").GetByTestId("ai-stream-text")).ToContainTextAsync($"正确答案是 {question.Answer}（");
        await page.Context.CloseAsync();
    }

    private async Task<(string Wrong, QuestionDraftView Question)> WrongChoiceForFirstQuestionAsync(string email, int sessionId)
    {
        var contexts = browser.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var studentId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
        var view = (await browser.App.Services.GetRequiredService<PracticeService>().LoadAsync(sessionId, studentId, TestContext.Current.CancellationToken))!;
        var question = view.Items[view.CurrentPosition].Item.Draft.Questions[0];
        return (question.Answer == "A" ? "B" : "A", new QuestionDraftView(question.Answer, question.Explanation));
    }

    private sealed record QuestionDraftView(string Answer, string Explanation);
}
