using System.Text.RegularExpressions;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

// Set-up calls services in sequence with their default tokens.
#pragma warning disable xUnit1051

namespace CET4Trainer.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
public sealed class PlanAndAnalysisFlowTests(BrowserApp browser)
{
    [Fact]
    public async Task Student_MakesAStudyPlan_SeesItLabelledWithTheEngine_AndFindsItAgainLater()
    {
        var page = await browser.LoginAsync(await browser.CreateUserAsync("Student"), width: 375);
        await page.WaitForURLAsync(new Regex("/student$"));
        await BrowserApp.GotoInteractiveAsync(page, "/student/plan");
        await Assertions.Expect(page.GetByTestId("plan-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("plan-weak-area")).ToHaveCountAsync(4);

        await page.GetByTestId("plan-minutes").FillAsync("10");
        await page.GetByTestId("plan-generate").ClickAsync();
        await Assertions.Expect(page.GetByText("每周学习时间请填 30-1500 分钟。")).ToBeVisibleAsync();

        await page.GetByTestId("plan-minutes").FillAsync("180");
        await page.GetByTestId("plan-generate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-engine")).ToContainTextAsync("离线引擎");
        var weeks = await page.GetByTestId("plan-week").CountAsync();
        Assert.InRange(weeks, 1, 16);

        await BrowserApp.GotoInteractiveAsync(page, "/student/plan");
        await Assertions.Expect(page.GetByTestId("plan-week")).ToHaveCountAsync(weeks);
        await Assertions.Expect(page.GetByTestId("plan-minutes")).ToHaveValueAsync("180");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Teacher_PlansTheClass_PublishesADraft_AndAnalysesTheClass_WhileAnotherTeacherIsRefused()
    {
        var teacherEmail = await browser.CreateUserAsync("Teacher");
        var services = browser.App.Services;
        string teacherId;
        using (var scope = services.CreateScope())
            teacherId = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(teacherEmail))!.Id;
        var courses = services.GetRequiredService<CourseService>();
        var teacher = new Viewer(teacherId, false);
        var courseId = (await courses.CreateAsync("计划与分析班", teacher)).Id!.Value;
        var student = await AppTasks.CreateUserAsync(services, "Student", "周小舟");
        await courses.JoinAsync(student.Id, (await courses.GetAsync(courseId, teacher))!.JoinCode);

        var page = await browser.LoginAsync(teacherEmail);
        await page.WaitForURLAsync(new Regex("/teacher$"));
        await BrowserApp.GotoInteractiveAsync(page, $"/teacher/courses/{courseId}");
        await page.GetByTestId("class-plan-weeks").FillAsync("2");
        await page.GetByTestId("class-plan-start").ClickAsync();
        await Assertions.Expect(page.GetByTestId("ai-task-status")).ToHaveTextAsync("已完成", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid^=assignment-draft-]")).ToHaveCountAsync(2);
        // The first week opens today; later weeks open later and stay out of students' lists until then.
        await page.Locator("tr", new() { HasText = "第 1 周" }).Locator("[data-testid^=publish-]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid^=assignment-draft-]")).ToHaveCountAsync(1);
        Assert.Single(await services.GetRequiredService<AssignmentService>().ForStudentAsync(student.Id, TestContext.Current.CancellationToken));

        await page.GetByTestId("open-analysis").ClickAsync();
        await page.WaitForURLAsync(new Regex("/analysis$"));
        await BrowserApp.WaitInteractiveAsync(page);
        await page.GetByTestId("analysis-start").ClickAsync();
        await Assertions.Expect(page.GetByTestId("analysis-report")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("analysis-engine")).ToContainTextAsync("离线引擎");
        await Assertions.Expect(page.GetByTestId("analysis-student")).ToContainTextAsync("周小舟");

        var other = await browser.LoginAsync(await browser.CreateUserAsync("Teacher"));
        await other.WaitForURLAsync(new Regex("/teacher$"));
        await BrowserApp.GotoInteractiveAsync(other, $"/teacher/courses/{courseId}/analysis");
        await Assertions.Expect(other.GetByTestId("analysis-refused")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
        await other.Context.CloseAsync();
    }
}
