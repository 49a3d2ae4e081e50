using System.Text;
using System.Text.RegularExpressions;
using CET4Trainer.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CET4Trainer.Tests.Web.Browser;

// The issue's whole teacher story in one browser: a new course, a roster file, a short assignment,
// then a student hands it in while the teacher's gradebook and analytics stay open and catch up by themselves.
[Collection(BrowserCollection.Name)]
public sealed class TeacherWorkspaceFlowTests(BrowserApp browser)
{
    [Fact]
    public async Task Teacher_CreatesCourse_ImportsRoster_Assigns_StudentCompletes_GradebookAndAnalyticsUpdateWithoutReload()
    {
        var studentEmail = await browser.CreateUserAsync("Student");
        string studentId;
        using (var scope = browser.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CET4Trainer.Core.Data.ApplicationUser>>();
            studentId = (await users.FindByEmailAsync(studentEmail))!.Id;
        }
        var tag = Guid.NewGuid().ToString("N")[..6];

        var teacher = await browser.LoginAsync("teacher@cet4.local");
        await teacher.WaitForURLAsync(new Regex("/teacher$"));
        await BrowserApp.GotoInteractiveAsync(teacher, "/teacher/courses");
        await teacher.GetByTestId("course-name").FillAsync($"四级强化 {tag}");
        await teacher.GetByTestId("course-create").ClickAsync();
        await teacher.WaitForURLAsync(new Regex(@"/teacher/courses/\d+$"));
        await BrowserApp.WaitInteractiveAsync(teacher);
        var courseUrl = teacher.Url;

        // One existing account (keeps its password) and one new student who gets a one-time password.
        var roster = $"姓名,学号,邮箱\r\n李明,2026{tag}1,{studentEmail}\r\n王芳,2026{tag}2,wangfang-{tag}@example.edu.cn\r\n";
        await teacher.GetByTestId("roster-file").SetInputFilesAsync(new FilePayload
        {
            Name = "名单.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(roster)).ToArray(),
        });
        await Assertions.Expect(teacher.GetByTestId("roster-ok")).ToContainTextAsync("已导入 2 名学生，其中 1 个新账号");
        await Assertions.Expect(teacher.GetByTestId("roster")).ToContainTextAsync("王芳");

        var title = $"短练习 {tag}";
        await teacher.GetByTestId("new-assignment").ClickAsync();
        await teacher.WaitForURLAsync(new Regex(@"/assign$"));
        await BrowserApp.WaitInteractiveAsync(teacher);
        await teacher.GetByTestId("assignment-title").FillAsync(title);
        await BrowserApp.SelectAsync(teacher, "题型", "听力·新闻报道");
        await teacher.Locator("[data-testid^=pick-]").First.ClickAsync();
        await teacher.GetByTestId("assignment-save").ClickAsync();
        await teacher.WaitForURLAsync(new Regex(@"/teacher/courses/\d+$"));

        await BrowserApp.GotoInteractiveAsync(teacher, $"{courseUrl}/gradebook");
        var cell = teacher.Locator($"[data-testid=gradebook-row][data-student='{studentId}'] [data-testid=grade-cell]");
        await Assertions.Expect(cell).ToHaveAttributeAsync("data-status", "NotStarted");
        await teacher.EvaluateAsync("() => window.cet4SamePage = true");
        var analytics = await teacher.Context.NewPageAsync();
        await BrowserApp.GotoInteractiveAsync(analytics, $"{courseUrl}/analytics");
        var answersBefore = (await analytics.GetByTestId("answers-count").InnerTextAsync()).Trim();
        await analytics.EvaluateAsync("() => window.cet4SamePage = true");

        var student = await browser.LoginAsync(studentEmail);
        await student.WaitForURLAsync(new Regex("/student$"));
        await BrowserApp.WaitInteractiveAsync(student);
        await student.Locator("[data-testid^=assignment-]").Filter(new() { HasText = title }).First
            .Locator("[data-testid^=start-assignment-]").ClickAsync();
        await student.WaitForURLAsync(new Regex(@"/student/practice/\d+$"));
        await BrowserApp.WaitInteractiveAsync(student);
        await student.GetByTestId("option-1-A").ClickAsync();
        await Assertions.Expect(student.GetByTestId("feedback")).ToBeVisibleAsync();
        await student.GetByTestId("finish-session").ClickAsync();
        await Assertions.Expect(student.GetByTestId("session-result")).ToBeVisibleAsync();

        // No navigation on the teacher's side: the open pages change on their own.
        await Assertions.Expect(cell).ToHaveAttributeAsync("data-status", "Completed", new() { Timeout = 15_000 });
        await Assertions.Expect(analytics.GetByTestId("answers-count")).Not.ToHaveTextAsync(answersBefore, new() { Timeout = 15_000 });
        Assert.True(await teacher.EvaluateAsync<bool>("() => window.cet4SamePage === true"));
        Assert.True(await analytics.EvaluateAsync<bool>("() => window.cet4SamePage === true"));
        await teacher.Context.CloseAsync();
        await student.Context.CloseAsync();
    }
}
