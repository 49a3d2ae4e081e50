using System.Security.Claims;
using Bunit;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Grading;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Tests.Features.Grading;
using CET4Trainer.Tests.TestSupport;
using CET4Trainer.Web.Components.Features.Grading;
using CET4Trainer.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CET4Trainer.Tests.Web.Grading;

// The teacher's review page over the real review service and a real SQLite file.
public sealed class GradingReviewPageTests : MudTestContext, IClassFixture<GradingFixture>
{
    private readonly GradingFixture fixture;

    public GradingReviewPageTests(GradingFixture fixture)
    {
        this.fixture = fixture;
        Services.AddSingleton(new EssayReviewService(fixture.Database, fixture.Services.Catalog, fixture.Clock));
        Services.AddSingleton(new CourseService(fixture.Database, fixture.Clock));
        Services.AddScoped<CurrentUser>();
    }

    private async Task<Viewer> UserAsync(string name) => new((await fixture.Database.AddUserAsync($"{name}-{Guid.NewGuid():N}@example.edu.cn")).Id, false);

    private void SignIn(string userId)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("teacher");
        auth.SetRoles("Teacher");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
    }

    [Fact]
    public async Task TeacherWithNothingToReview_SeesBothEmptyStates()
    {
        SignIn((await UserAsync("t")).UserId);

        var cut = Render<GradingReviewPage>();

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("还没有复核过的作文", cut.Find("[data-testid=agreement-empty]").TextContent);
            Assert.Contains("没有待复核的作文或翻译", cut.Find("[data-testid=review-queue-empty]").TextContent);
        });
    }

    [Fact]
    public async Task ConfirmingTheAiScore_MovesTheAnswerOutOfTheQueue_AndAgreementAppears()
    {
        var teacher = await UserAsync("t");
        var student = await UserAsync("s");
        var scenario = new EssayScenario(fixture.Database, new CourseService(fixture.Database, fixture.Clock), new AssignmentService(fixture.Database, fixture.Clock),
            fixture.Services.Starter, fixture.Services.Practice, fixture.Clock);
        var (_, assignmentId) = await scenario.CourseAsync(teacher, student.UserId);
        var answers = await scenario.AnswerAsync(student.UserId, assignmentId);
        SignIn(teacher.UserId);

        var cut = Render<GradingReviewPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=review-row]").Count));
        Assert.All(cut.FindAll("[data-testid=review-row]"), row => Assert.Contains("离线估算", row.TextContent));
        Assert.All(answers, a => Assert.Contains(a.Response[..40], cut.Markup));
        cut.FindAll("[data-testid=review-confirm]")[0].Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Single(cut.FindAll("[data-testid=review-row]"));
            Assert.Equal("1", cut.Find("[data-testid=agreement-count]").TextContent.Trim());
            Assert.Equal("100%", cut.Find("[data-testid=agreement-exact]").TextContent.Trim());
        });
        await using var db = fixture.Database.CreateDbContext();
        Assert.Equal(1, await db.EssayReviews.CountAsync(r => r.StudentId == student.UserId && r.Status == ReviewStatus.Confirmed, Xunit.TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task CourseFilter_ShowsOnlyThatCoursesWork_AndRefusesAnotherTeachersCourse()
    {
        var teacher = await UserAsync("t");
        var student = await UserAsync("s");
        var scenario = new EssayScenario(fixture.Database, new CourseService(fixture.Database, fixture.Clock), new AssignmentService(fixture.Database, fixture.Clock),
            fixture.Services.Starter, fixture.Services.Practice, fixture.Clock);
        var (courseId, assignmentId) = await scenario.CourseAsync(teacher, student.UserId);
        var (quietCourse, _) = await scenario.CourseAsync(teacher);
        await scenario.AnswerAsync(student.UserId, assignmentId);
        var (othersCourse, _) = await scenario.CourseAsync(await UserAsync("other"));
        SignIn(teacher.UserId);
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();

        navigation.NavigateTo($"/teacher/grading?course={courseId}");
        var mine = Render<GradingReviewPage>();
        mine.WaitForAssertion(() => Assert.Equal(2, mine.FindAll("[data-testid=review-row]").Count));
        Assert.Contains("只看课程", mine.Find("[data-testid=grading-course-filter]").TextContent);

        navigation.NavigateTo($"/teacher/grading?course={quietCourse}");
        var quiet = Render<GradingReviewPage>();
        quiet.WaitForAssertion(() => Assert.NotNull(quiet.Find("[data-testid=review-queue-empty]")));

        navigation.NavigateTo($"/teacher/grading?course={othersCourse}");
        var refused = Render<GradingReviewPage>();
        refused.WaitForAssertion(() => Assert.NotNull(refused.Find("[data-testid=grading-course-refused]")));
        Assert.Empty(refused.FindAll("[data-testid=review-row]"));
    }
}
