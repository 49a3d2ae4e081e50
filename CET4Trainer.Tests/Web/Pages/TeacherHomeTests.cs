using System.Security.Claims;
using Bunit;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Tests.TestSupport;
using CET4Trainer.Web.Components.Features.Teacher;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CET4Trainer.Tests.Web.Pages;

public sealed class TeacherHomeTests : MudTestContext
{
    private readonly SqliteTestDatabase database = new();

    public TeacherHomeTests()
    {
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(database);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<CourseService>();
        Services.AddSingleton<AssignmentService>();
        Services.AddSingleton(new CET4Trainer.Core.Hosting.LocalClock(TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new CET4Trainer.Core.Hosting.LocaleOptions())));
    }

    [Fact]
    public async Task TeacherWithoutCourses_SeesTheEmptyStateSayingWhatToDo()
    {
        var teacher = await database.AddUserAsync("t1@example.edu.cn");
        SignIn(teacher.Id);

        var cut = Render<TeacherHome>();

        cut.WaitForAssertion(() => Assert.Contains("你还没有课程", cut.Find("[data-testid=courses-empty]").TextContent));
    }

    [Fact]
    public async Task TeacherSeesOwnActiveCoursesOnly()
    {
        var teacher = await database.AddUserAsync("t2@example.edu.cn");
        var other = await database.AddUserAsync("t3@example.edu.cn");
        await using (var db = database.CreateDbContext())
        {
            db.Courses.AddRange(
                new Course { Name = "2025级 英语一班", TeacherId = teacher.Id, JoinCode = "AAAAAA" },
                new Course { Name = "已归档的旧课", TeacherId = teacher.Id, ArchivedUtc = DateTime.UtcNow, JoinCode = "BBBBBB" },
                new Course { Name = "别人的课", TeacherId = other.Id, JoinCode = "CCCCCC" });
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }
        SignIn(teacher.Id);

        var cut = Render<TeacherHome>();

        cut.WaitForAssertion(() =>
        {
            var list = cut.Find("[data-testid=course-list]").TextContent;
            Assert.Contains("2025级 英语一班", list);
            Assert.DoesNotContain("已归档的旧课", list);
            Assert.DoesNotContain("别人的课", list);
        });
    }

    private void SignIn(string userId)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("teacher");
        auth.SetRoles("Teacher");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database.Dispose();
    }
}
