using System.Security.Claims;
using Bunit;
using CET4Trainer.Core.Features.Gradebook;
using CET4Trainer.Core.Features.Grading;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Core.Hosting;
using CET4Trainer.Tests.Features.Gradebook;
using CET4Trainer.Tests.TestSupport;
using CET4Trainer.Web.Components.Features.Gradebook;
using CET4Trainer.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// Scenario tests calling services in sequence with their default tokens.
#pragma warning disable xUnit1051

namespace CET4Trainer.Tests.Web.Gradebook;

// The gradebook page over the real services and a real SQLite file.
public sealed class GradebookPageTests : MudTestContext, IClassFixture<GradebookFixture>
{
    private readonly GradebookFixture f;
    private readonly PracticeActivityHub hub = new();

    public GradebookPageTests(GradebookFixture fixture)
    {
        f = fixture;
        var catalog = new PracticeServices(f.Database, f.Clock).Catalog;
        Services.AddSingleton(new GradebookService(f.Database, f.Clock));
        Services.AddSingleton(new EssayReviewService(f.Database, catalog, f.Clock, hub));
        Services.AddSingleton(hub);
        Services.AddSingleton(new LocalClock(f.Clock, Options.Create(new LocaleOptions())));
        Services.AddScoped<CurrentUser>();
    }

    private void SignIn(Viewer viewer)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("teacher");
        auth.SetRoles("Teacher");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, viewer.UserId));
    }

    [Fact]
    public async Task AnotherTeachersCourse_IsRefused_AndNothingIsWatched()
    {
        var owner = await f.PersonAsync("钱老师");
        var (courseId, _) = await f.CourseAsync(owner, await f.PersonAsync("学生"));
        SignIn(await f.PersonAsync("孙老师"));

        var cut = Render<GradebookPage>(p => p.Add(x => x.CourseId, courseId));

        cut.WaitForAssertion(() => Assert.Contains("没有查看它的权限", cut.Find("[data-testid=course-refused]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=gradebook-table]"));
        Assert.Equal(0, hub.SubscriberCount);
    }

    [Fact]
    public async Task EmptyCourse_SaysToShareTheJoinCodeAndToSetWork()
    {
        var teacher = await f.PersonAsync("周老师");
        var (courseId, code) = await f.CourseAsync(teacher);
        SignIn(teacher);

        var cut = Render<GradebookPage>(p => p.Add(x => x.CourseId, courseId));

        cut.WaitForAssertion(() => Assert.Contains(code, cut.Find("[data-testid=gradebook-no-students]").TextContent));
        Assert.Contains("布置作业", cut.Find("[data-testid=gradebook-no-assignments]").ParentElement!.TextContent);
        Assert.Contains($"/teacher/courses/{courseId}/assign", cut.Markup);
    }

    [Fact]
    public async Task BurstOfActivity_ReloadsThePageWithoutAReload_AtMostTwiceAndOnlyForItsStudents()
    {
        var teacher = await f.PersonAsync("吴老师");
        var student = await f.PersonAsync("郑同学");
        var outsider = await f.PersonAsync("别班同学");
        var (courseId, _) = await f.CourseAsync(teacher, student);
        var (reading, questions) = await f.ItemAsync(ItemType.CarefulReading);
        var assignmentId = await f.AssignmentAsync(courseId, teacher, "第一周 阅读", reading, f.Now.AddDays(2));
        SignIn(teacher);
        var cut = Render<GradebookPage>(p => p.Add(x => x.CourseId, courseId));
        cut.WaitForAssertion(() => Assert.Equal(nameof(GradeStatus.NotStarted), cut.Find("[data-testid=grade-cell]").GetAttribute("data-status")));
        Assert.Contains("估算", cut.Find("thead").TextContent);
        Assert.Contains("position: sticky", cut.Find("[data-testid=gradebook-row] td").GetAttribute("style"));
        Assert.Equal(1, hub.SubscriberCount);

        hub.Publish(new PracticeActivity(outsider.UserId, 1, null, PracticeActivityKind.Answered));
        await Task.Delay(700);
        Assert.Equal(0, cut.Instance.Reloads);

        await AnswerSeeder.AnswerAsync(f.Database, student.UserId, reading, AnswerSeeder.Results(questions, 0), f.Now.AddHours(-1), assignmentId: assignmentId);
        for (var i = 0; i < 30; i++) hub.Publish(new PracticeActivity(student.UserId, 1, assignmentId, PracticeActivityKind.Answered));

        cut.WaitForAssertion(() =>
        {
            Assert.Equal(nameof(GradeStatus.Completed), cut.Find("[data-testid=grade-cell]").GetAttribute("data-status"));
            Assert.Contains("100%", cut.Find("[data-testid=grade-score]").TextContent);
            Assert.Contains("估算", cut.Find("[data-testid=estimate]").TextContent);
        });
        await Task.Delay(1200);
        // One reload at once and at most one more for the rest of the burst, never one per answer.
        Assert.InRange(cut.Instance.Reloads, 1, 2);

        await DisposeComponentsAsync();
        Assert.Equal(0, hub.SubscriberCount);
    }

    [Fact]
    public async Task WaitingReviews_AreCountedAndLinkedToTheCourseFilter()
    {
        var teacher = await f.PersonAsync("冯老师");
        var (courseId, _) = await f.CourseAsync(teacher, await f.PersonAsync("陈同学"));
        SignIn(teacher);

        var cut = Render<GradebookPage>(p => p.Add(x => x.CourseId, courseId));

        cut.WaitForAssertion(() => Assert.Equal($"/teacher/grading?course={courseId}", cut.Find("[data-testid=gradebook-review-link]").GetAttribute("href")));
        Assert.Equal($"/teacher/courses/{courseId}/gradebook.csv", cut.Find("[data-testid=gradebook-export]").GetAttribute("href"));
    }
}
