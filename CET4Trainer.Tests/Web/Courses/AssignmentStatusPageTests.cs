using System.Security.Claims;
using Bunit;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Core.Hosting;
using CET4Trainer.Tests.TestSupport;
using CET4Trainer.Web.Components.Features.Courses;
using CET4Trainer.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// Scenario tests calling services in sequence with their default tokens.
#pragma warning disable xUnit1051

namespace CET4Trainer.Tests.Web.Courses;

// The teacher's assignment status page and the course rename box, over the real services and a real SQLite file.
public sealed class AssignmentStatusPageTests : MudTestContext
{
    private readonly SqliteTestDatabase database = new();
    private readonly FixedClock clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private readonly PracticeActivityHub hub = new();

    public AssignmentStatusPageTests()
    {
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(database);
        Services.AddSingleton<TimeProvider>(clock);
        Services.AddSingleton<CourseService>();
        Services.AddSingleton<AssignmentProgressService>();
        Services.AddSingleton(hub);
        Services.AddSingleton(new LocalClock(clock, Options.Create(new LocaleOptions())));
        Services.AddScoped<CurrentUser>();
    }

    private void SignIn(string userId)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("teacher");
        auth.SetRoles("Teacher");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
    }

    private async Task<(Viewer Teacher, int CourseId, int AssignmentId, string Student)> AssignmentAsync()
    {
        var teacher = new Viewer((await database.AddUserAsync("page-t@example.edu.cn")).Id, false);
        var student = await database.AddUserAsync("page-s@example.edu.cn");
        var courses = new CourseService(database, clock);
        var courseId = (await courses.CreateAsync("一班", teacher)).Id!.Value;
        await courses.JoinAsync(student.Id, (await courses.GetAsync(courseId, teacher))!.JoinCode);
        await using var db = database.CreateDbContext();
        db.Items.Add(ItemMapper.ToNewItem(SampleItems.Valid(ItemType.CarefulReading), ItemSource.Teacher, ItemStatus.Published, null));
        await db.SaveChangesAsync();
        var item = await db.Items.Select(i => i.Id).SingleAsync();
        var (id, _) = await new AssignmentService(database, clock).CreateAsync(
            new NewAssignment(courseId, "第一周阅读", [item], clock.Now.UtcDateTime.AddHours(-1), clock.Now.UtcDateTime.AddHours(1), 1, FeedbackMode.Immediate), teacher);
        return (teacher, courseId, id!.Value, student.Id);
    }

    [Fact]
    public async Task SecondTeacher_OpeningTheAssignment_IsRefused_AndSeesNoStudent()
    {
        var (_, _, assignmentId, _) = await AssignmentAsync();
        SignIn((await database.AddUserAsync("page-t2@example.edu.cn")).Id);

        var cut = Render<AssignmentStatusPage>(p => p.Add(x => x.AssignmentId, assignmentId));

        cut.WaitForAssertion(() => Assert.Contains("没有查看它的权限", cut.Find("[data-testid=assignment-refused]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=status-row]"));
        Assert.DoesNotContain("第一周阅读", cut.Markup);
        Assert.Equal(0, hub.SubscriberCount);
    }

    [Fact]
    public async Task Owner_SeesEachStudentsState_AndTheCounts_MissingAfterTheDueDate()
    {
        var (teacher, _, assignmentId, _) = await AssignmentAsync();
        clock.Now = clock.Now.AddHours(2);
        SignIn(teacher.UserId);

        var cut = Render<AssignmentStatusPage>(p => p.Add(x => x.AssignmentId, assignmentId));

        cut.WaitForAssertion(() => Assert.Equal("缺交", cut.Find("[data-testid=status-row] [data-testid=status-state]").TextContent.Trim()));
        Assert.Contains("1", cut.Find("[data-testid=count-Missing]").TextContent);
        Assert.Contains("0", cut.Find("[data-testid=count-Done]").TextContent);
        Assert.Equal(1, hub.SubscriberCount);
        await DisposeComponentsAsync();
        Assert.Equal(0, hub.SubscriberCount);
    }

    [Fact]
    public async Task Rename_WithABadName_ShowsTheReason_AndKeepsWhatWasTyped()
    {
        var (teacher, courseId, _, _) = await AssignmentAsync();
        SignIn(teacher.UserId);
        string? renamed = null;
        var cut = Render<CourseNameEditor>(p => p.Add(x => x.CourseId, courseId).Add(x => x.Name, "一班").Add(x => x.OnRenamed, (string n) => renamed = n));

        cut.Find("[data-testid=course-rename]").Click();
        var tooLong = new string('班', 101);
        cut.Find("[data-testid=course-rename-input]").Input(tooLong);
        cut.Find("[data-testid=course-rename-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("课程名称需要 1-100 个字符。", cut.Find("[data-testid=course-rename-error]").TextContent));
        Assert.Equal(tooLong, cut.Find("[data-testid=course-rename-input]").GetAttribute("value"));
        Assert.Null(renamed);

        cut.Find("[data-testid=course-rename-input]").Input("二班");
        cut.Find("[data-testid=course-rename-save]").Click();
        cut.WaitForAssertion(() => Assert.Equal("二班", renamed));
        Assert.Equal("二班", (await new CourseService(database, clock).GetAsync(courseId, teacher))!.Name);
    }

    [Fact]
    public async Task SecondTeacher_RenamingTheCourse_IsRefused()
    {
        var (teacher, courseId, _, _) = await AssignmentAsync();
        SignIn((await database.AddUserAsync("page-t3@example.edu.cn")).Id);
        var cut = Render<CourseNameEditor>(p => p.Add(x => x.CourseId, courseId).Add(x => x.Name, "一班"));

        cut.Find("[data-testid=course-rename]").Click();
        cut.Find("[data-testid=course-rename-input]").Input("抢来的课");
        cut.Find("[data-testid=course-rename-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("课程不存在，或不是你的课程。", cut.Find("[data-testid=course-rename-error]").TextContent));
        Assert.Equal("一班", (await new CourseService(database, clock).GetAsync(courseId, teacher))!.Name);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database.Dispose();
    }
}
