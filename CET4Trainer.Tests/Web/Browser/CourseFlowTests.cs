using System.Text.RegularExpressions;
using CET4Trainer.Tests.TestSupport;
using Microsoft.Playwright;

namespace CET4Trainer.Tests.Web.Browser;

[Collection(BrowserCollection.Name)]
public sealed class CourseFlowTests(BrowserApp browser)
{
    [Fact]
    public async Task Teacher_CreatesACourse_StudentJoins_TeacherAssigns_StudentDoesItInAssignmentMode()
    {
        var teacher = await browser.LoginAsync("teacher@cet4.local");
        await teacher.WaitForURLAsync(new Regex("/teacher$"));
        await BrowserApp.GotoInteractiveAsync(teacher, "/teacher/courses");
        var courseName = $"四级冲刺班 {Guid.NewGuid().ToString("N")[..4]}";
        await teacher.GetByTestId("course-name").FillAsync(courseName);
        await teacher.GetByTestId("course-create").ClickAsync();
        await teacher.WaitForURLAsync(new Regex(@"/teacher/courses/\d+$"));
        await BrowserApp.WaitInteractiveAsync(teacher);
        var code = (await teacher.GetByTestId("join-code").InnerTextAsync()).Trim();
        var courseUrl = teacher.Url;

        var student = await browser.LoginAsync("student@cet4.local");
        await student.WaitForURLAsync(new Regex("/student$"));
        await BrowserApp.GotoInteractiveAsync(student, $"/join/{code}");
        await student.GetByTestId("join-submit").ClickAsync();
        await Assertions.Expect(student.GetByTestId("join-ok")).ToContainTextAsync(courseName);

        await BrowserApp.GotoInteractiveAsync(teacher, courseUrl);
        await Assertions.Expect(teacher.GetByTestId("roster")).ToContainTextAsync("student@cet4.local");
        await teacher.GetByTestId("new-assignment").ClickAsync();
        await teacher.WaitForURLAsync(new Regex(@"/assign$"));
        await BrowserApp.WaitInteractiveAsync(teacher);
        await teacher.GetByTestId("assignment-title").FillAsync("第一周：新闻听力");
        await BrowserApp.SelectAsync(teacher, "题型", "听力·新闻报道");
        await teacher.Locator("[data-testid^=pick-]").First.ClickAsync();
        await teacher.GetByTestId("assignment-save").ClickAsync();
        await teacher.WaitForURLAsync(new Regex(@"/teacher/courses/\d+$"));
        await Assertions.Expect(teacher.GetByTestId("assignment-list")).ToContainTextAsync("第一周：新闻听力");

        await BrowserApp.GotoInteractiveAsync(student, "/student");
        var start = student.Locator("[data-testid^=start-assignment-]").First;
        await start.ClickAsync();
        await student.WaitForURLAsync(new Regex(@"/student/practice/\d+$"));
        await BrowserApp.WaitInteractiveAsync(student);
        await Assertions.Expect(student.GetByText("作业：第一周：新闻听力")).ToBeVisibleAsync();
        await student.GetByTestId("option-1-A").ClickAsync();
        await Assertions.Expect(student.GetByTestId("feedback")).ToBeVisibleAsync();
        await student.GetByTestId("finish-session").ClickAsync();
        await Assertions.Expect(student.GetByTestId("session-result")).ToBeVisibleAsync();

        await BrowserApp.GotoInteractiveAsync(student, "/student");
        await Assertions.Expect(student.GetByTestId("assignments")).ToContainTextAsync("已完成");
        await teacher.Context.CloseAsync();
        await student.Context.CloseAsync();
    }

    [Fact]
    public async Task SecondTeacher_OpeningTheFirstTeachersCourse_IsRefused()
    {
        // The demo teacher owns the course; the admin-created second teacher must not reach it.
        var teacher = await browser.LoginAsync("teacher@cet4.local");
        await teacher.WaitForURLAsync(new Regex("/teacher$"));
        await BrowserApp.GotoInteractiveAsync(teacher, "/teacher/courses");
        await teacher.GetByTestId("course-name").FillAsync("只属于王老师的课");
        await teacher.GetByTestId("course-create").ClickAsync();
        await teacher.WaitForURLAsync(new Regex(@"/teacher/courses/\d+$"));
        var id = teacher.Url.Split('/').Last();

        var other = await browser.LoginAsync(await browser.CreateUserAsync("Teacher"));
        await other.WaitForURLAsync(new Regex("/teacher$"));
        await BrowserApp.GotoInteractiveAsync(other, $"/teacher/courses/{id}");
        await Assertions.Expect(other.GetByTestId("course-refused")).ToBeVisibleAsync();
        await BrowserApp.GotoInteractiveAsync(other, $"/teacher/courses/{id}/assign");
        await Assertions.Expect(other.GetByTestId("course-refused")).ToBeVisibleAsync();
        await teacher.Context.CloseAsync();
        await other.Context.CloseAsync();
    }
}
