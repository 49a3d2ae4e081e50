using System.Text.RegularExpressions;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CET4Trainer.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
public sealed class GradingFlowTests(BrowserApp browser)
{
    private const string Essay = "Many students believe that reading every day is important. First, reading widens our knowledge of the world. " +
        "Moreover, it improves our vocabulary and our writing. However, some students say they have no time. In my opinion, " +
        "even twenty minutes a day can make a real difference, because small habits add up over a whole term.";

    private T Get<T>(IServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    [Fact]
    public async Task Student_OnAPhone_SubmitsAnEssay_AndSeesBandScaleAndFeedbackLabelledOffline()
    {
        var page = await browser.LoginAsync(await browser.CreateUserAsync("Student"), width: 375);
        await page.WaitForURLAsync(new Regex("/student$"));
        await BrowserApp.GotoInteractiveAsync(page, "/student/practice");
        await BrowserApp.SelectAsync(page, "题型", "写作");
        await page.GetByTestId("start-drill").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/student/practice/\d+$"));
        await BrowserApp.WaitInteractiveAsync(page);

        await page.GetByTestId("essay-input").FillAsync(Essay);
        await page.GetByTestId("essay-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("essay-score")).ToHaveTextAsync(new Regex(@"^\d{1,2} / 15$"));
        await Assertions.Expect(page.GetByTestId("essay-band")).ToHaveTextAsync(new Regex(@"^(0|2|5|8|11|14) 分档$"));
        await Assertions.Expect(page.GetByTestId("essay-scaled")).ToContainTextAsync("/ 106.5 分（估算）");
        await Assertions.Expect(page.GetByTestId("essay-engine")).ToHaveTextAsync("离线估算");
        await Assertions.Expect(page.GetByTestId("essay-summary")).ToContainTextAsync("仅供参考");
        await Assertions.Expect(page.GetByTestId("essay-improvements")).ToContainTextAsync("少于最低要求");
        await Assertions.Expect(page.GetByTestId("essay-versions")).ToContainTextAsync("提示词 v1 · 评分标准 v1");
        // Nothing runs off a 375 px screen.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Teacher_BatchGradesAnAssignment_OverridesInTheQueue_AndTheStudentSeesTheTeachersMark()
    {
        var teacherEmail = await browser.CreateUserAsync("Teacher");
        var studentEmail = await browser.CreateUserAsync("Student");
        var ct = TestContext.Current.CancellationToken;
        int courseId, assignmentId;
        using (var scope = browser.App.Services.CreateScope())
        {
            var users = Get<UserManager<ApplicationUser>>(scope);
            var teacher = new Viewer((await users.FindByEmailAsync(teacherEmail))!.Id, false);
            var student = (await users.FindByEmailAsync(studentEmail))!.Id;
            var courses = Get<CourseService>(scope);
            courseId = (await courses.CreateAsync("写作批改班", teacher, ct)).Id!.Value;
            await courses.JoinAsync(student, (await courses.GetAsync(courseId, teacher, ct))!.JoinCode, ct);
            await using var db = await Get<IDbContextFactory<AppDbContext>>(scope).CreateDbContextAsync(ct);
            var writing = await db.Items.Where(i => i.Type == ItemType.Writing && i.OwnerId == null && i.Status == ItemStatus.Published).Select(i => i.Id).FirstAsync(ct);
            assignmentId = (await Get<AssignmentService>(scope).CreateAsync(new NewAssignment(courseId, "第五周作文", [writing],
                DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddDays(3), 1, FeedbackMode.Immediate), teacher, ct)).Id!.Value;
        }

        var pupil = await browser.LoginAsync(studentEmail);
        await pupil.WaitForURLAsync(new Regex("/student$"));
        await BrowserApp.WaitInteractiveAsync(pupil);
        await pupil.GetByTestId($"start-assignment-{assignmentId}").ClickAsync();
        await pupil.WaitForURLAsync(new Regex(@"/student/practice/\d+$"));
        await BrowserApp.WaitInteractiveAsync(pupil);
        var sessionUrl = pupil.Url;
        await pupil.GetByTestId("essay-input").FillAsync(Essay);
        await pupil.GetByTestId("essay-submit").ClickAsync();
        await Assertions.Expect(pupil.GetByTestId("essay-engine")).ToHaveTextAsync("离线估算");

        var teacherPage = await browser.LoginAsync(teacherEmail);
        await teacherPage.WaitForURLAsync(new Regex("/teacher$"));
        await BrowserApp.GotoInteractiveAsync(teacherPage, $"/teacher/courses/{courseId}");
        await Assertions.Expect(teacherPage.GetByTestId($"batch-{assignmentId}")).ToContainTextAsync("1 份");
        await teacherPage.GetByTestId($"batch-start-{assignmentId}").ClickAsync();
        await Assertions.Expect(teacherPage.GetByTestId("ai-task")).ToHaveAttributeAsync("data-status", "Succeeded");
        await Assertions.Expect(teacherPage.GetByTestId("ai-task-done")).ToHaveTextAsync("1");
        await Assertions.Expect(teacherPage.GetByTestId("ai-task-engine")).ToContainTextAsync("离线引擎");

        await teacherPage.GetByTestId("nav-grading").ClickAsync();
        await teacherPage.WaitForURLAsync(new Regex("/teacher/grading$"));
        await BrowserApp.WaitInteractiveAsync(teacherPage);
        await Assertions.Expect(teacherPage.GetByTestId("agreement-empty")).ToBeVisibleAsync();
        var row = teacherPage.GetByTestId("review-row");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.GetByTestId("review-response")).ToContainTextAsync("small habits add up");
        await Assertions.Expect(row).ToContainTextAsync("离线估算");
        var aiScore = int.Parse(Regex.Match(await row.GetByTestId("review-ai-score").InnerTextAsync(), @"(\d+) / 15").Groups[1].Value);
        var mark = aiScore == 15 ? 14 : 15;
        await row.GetByTestId("review-score").FillAsync(mark.ToString());
        await row.GetByTestId("review-comment").FillAsync("观点清楚，例子具体。");
        await row.GetByTestId("review-comment").PressAsync("Tab");
        await Assertions.Expect(row.GetByTestId("review-override")).ToHaveTextAsync($"改为 {mark} 分");
        await row.GetByTestId("review-override").ClickAsync();
        await Assertions.Expect(teacherPage.GetByTestId("review-queue-empty")).ToBeVisibleAsync();
        await Assertions.Expect(teacherPage.GetByTestId("agreement-count")).ToHaveTextAsync("1");

        await BrowserApp.GotoInteractiveAsync(pupil, sessionUrl);
        await Assertions.Expect(pupil.GetByTestId("essay-teacher")).ToHaveTextAsync("教师评分");
        await Assertions.Expect(pupil.GetByTestId("essay-score")).ToHaveTextAsync($"{mark} / 15");
        await Assertions.Expect(pupil.GetByTestId("essay-teacher-comment")).ToContainTextAsync("观点清楚，例子具体。");
        await teacherPage.Context.CloseAsync();
        await pupil.Context.CloseAsync();
    }
}
