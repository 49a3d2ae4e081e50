using System.Security.Claims;
using Bunit;
using CET4Trainer.Core.Features.Analytics;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Tests.Features.Analytics;
using CET4Trainer.Tests.TestSupport;
using CET4Trainer.Web.Components.Features.Analytics;
using CET4Trainer.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

// Scenario tests calling services in sequence with their default tokens.
#pragma warning disable xUnit1051

namespace CET4Trainer.Tests.Web.Analytics;

// The analytics pages over the real service, a real SQLite file and the real activity hub.
public sealed class AnalyticsPageTests : MudTestContext, IAsyncLifetime
{
    private readonly PracticeActivityHub hub = new();
    private AnalyticsScenario s = default!;

    public async ValueTask InitializeAsync()
    {
        s = await AnalyticsScenario.CreateAsync();
        Services.AddSingleton(s.Service);
        Services.AddSingleton(s.LocalClock);
        Services.AddSingleton(hub);
        Services.AddScoped<CurrentUser>();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        s.Dispose();
    }

    private void SignIn(string userId)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("teacher");
        auth.SetRoles("Teacher");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
    }

    [Fact]
    public void TheOwner_SeesTheScope_TheSpread_TheHeatMap_AndTheItems()
    {
        SignIn(s.Teacher.UserId);

        var cut = Render<AnalyticsPage>(p => p.Add(x => x.CourseId, s.CourseId));

        cut.WaitForAssertion(() => Assert.Equal("15", cut.Find("[data-testid=answers-count]").TextContent));
        Assert.Contains("近 28 天的全部已评分练习", cut.Find("[data-testid=scope-text]").TextContent);
        Assert.Equal("383", cut.Find("[data-testid=spread-total-median]").TextContent);
        Assert.Equal(3, cut.FindAll("[data-testid=heat-row]").Count);
        Assert.Contains("67%", cut.Find("[data-testid=heat-class]").TextContent);
        Assert.Contains("n=15", cut.Find("[data-testid=heat-class]").TextContent);
        Assert.Contains("证据不足", cut.Find("[data-testid=heat-legend]").TextContent);
        Assert.Equal(5, cut.FindAll("[data-testid=item-facility]").Count);
        Assert.Equal($"/teacher/courses/{s.CourseId}/analysis", cut.Find("[data-testid=open-ai-analysis]").GetAttribute("href"));
        Assert.Contains(cut.FindAll("[data-testid=student-link]"), a => a.GetAttribute("href") == $"/teacher/courses/{s.CourseId}/students/{s.Bob}");
    }

    [Fact]
    public void AnotherTeacher_IsRefusedTheAnalyticsPage_AndDoesNotSubscribe()
    {
        SignIn(s.OtherTeacher.UserId);

        var cut = Render<AnalyticsPage>(p => p.Add(x => x.CourseId, s.CourseId));

        cut.WaitForAssertion(() => Assert.Contains("没有查看它的权限", cut.Find("[data-testid=analytics-refused]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=answers-count]"));
        Assert.Equal(0, hub.SubscriberCount);
    }

    [Fact]
    public void AStudentOfAnotherCourse_IsRefusedOnTheDrillDown()
    {
        SignIn(s.Teacher.UserId);

        var cut = Render<StudentAnalyticsPage>(p => p.Add(x => x.CourseId, s.CourseId).Add(x => x.StudentId, s.Xia));

        cut.WaitForAssertion(() => Assert.Contains("不在你的这门课程里", cut.Find("[data-testid=student-refused]").TextContent));
        Assert.DoesNotContain("夏夏", cut.Markup);
    }

    [Fact]
    public void AnotherTeacher_IsRefusedTheDrillDown()
    {
        SignIn(s.OtherTeacher.UserId);

        var cut = Render<StudentAnalyticsPage>(p => p.Add(x => x.CourseId, s.CourseId).Add(x => x.StudentId, s.Bob));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=student-refused]")));
        Assert.DoesNotContain("博博", cut.Markup);
    }

    [Fact]
    public async Task ASubmissionPublishedOnTheHub_ReloadsTheFigures_AndClosingThePageUnsubscribes()
    {
        SignIn(s.Teacher.UserId);
        var cut = Render<AnalyticsPage>(p => p.Add(x => x.CourseId, s.CourseId));
        cut.WaitForAssertion(() => Assert.Equal("15", cut.Find("[data-testid=answers-count]").TextContent));
        Assert.Equal(1, hub.SubscriberCount);

        // 夏夏 is in another course: her activity must not make this page read anything.
        await AnswerSeeder.AnswerAsync(s.Database, s.Cat, s.CarefulItem, AnswerSeeder.Results(3, 2), s.Now.AddHours(-1));
        hub.Publish(new PracticeActivity(s.Xia, 1, null, PracticeActivityKind.Answered));
        await Task.Delay(800);
        Assert.Equal("15", cut.Find("[data-testid=answers-count]").TextContent);

        hub.Publish(new PracticeActivity(s.Cat, 1, null, PracticeActivityKind.Completed));

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("20", cut.Find("[data-testid=answers-count]").TextContent);
            Assert.Contains("n=20", cut.Find("[data-testid=heat-class]").TextContent);
        }, TimeSpan.FromSeconds(5));
        await DisposeComponentsAsync();
        Assert.Equal(0, hub.SubscriberCount);
    }

    [Fact]
    public async Task TheDrillDown_ShowsTheStudent_AndReloadsOnTheirActivity()
    {
        SignIn(s.Teacher.UserId);
        var cut = Render<StudentAnalyticsPage>(p => p.Add(x => x.CourseId, s.CourseId).Add(x => x.StudentId, s.Bob));
        cut.WaitForAssertion(() => Assert.Equal(10, cut.FindAll("[data-testid=recent-result]").Count));
        Assert.Equal("博博", cut.Find("[data-testid=student-name]").TextContent);
        Assert.Contains("369", cut.Find("[data-testid=student-estimate]").TextContent);
        Assert.Contains("仔细阅读", cut.Find("[data-testid=student-weak]").TextContent);
        Assert.Equal(8, cut.FindAll("[data-testid=trend-week]").Count);

        await AnswerSeeder.AnswerAsync(s.Database, s.Bob, s.CarefulItem, AnswerSeeder.Results(5, 0), s.Now.AddMinutes(-5));
        hub.Publish(new PracticeActivity(s.Bob, 1, s.AssignmentId, PracticeActivityKind.Answered));

        cut.WaitForAssertion(() => Assert.Equal(15, cut.FindAll("[data-testid=recent-result]").Count), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AStudentWithoutPractice_GetsAnEmptyStateSayingWhatToDo()
    {
        SignIn(s.Teacher.UserId);

        var cut = Render<StudentAnalyticsPage>(p => p.Add(x => x.CourseId, s.CourseId).Add(x => x.StudentId, s.Cat));

        cut.WaitForAssertion(() => Assert.Contains("布置一份作业", cut.Find("[data-testid=student-empty]").TextContent));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task ACourseWithoutStudents_SaysHowToGetThem()
    {
        var empty = (await s.Courses.CreateAsync("空班", s.Teacher)).Id!.Value;
        SignIn(s.Teacher.UserId);

        var cut = Render<AnalyticsPage>(p => p.Add(x => x.CourseId, empty));

        cut.WaitForAssertion(() => Assert.Contains("加入码", cut.Find("[data-testid=analytics-no-students]").TextContent));
    }
}
