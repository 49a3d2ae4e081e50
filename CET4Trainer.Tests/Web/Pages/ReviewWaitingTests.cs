using System.Security.Claims;
using Bunit;
using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Grading;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Tests.Features.Grading;
using CET4Trainer.Tests.TestSupport;
using CET4Trainer.Web.Components.Features.Teacher;
using CET4Trainer.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CET4Trainer.Tests.Web.Pages;

// The teacher home's review section over the real review and practice services and a real SQLite file.
public sealed class ReviewWaitingTests : MudTestContext, IClassFixture<GradingFixture>
{
    private readonly GradingFixture fixture;

    public ReviewWaitingTests(GradingFixture fixture)
    {
        this.fixture = fixture;
        Services.AddSingleton(new EssayReviewService(fixture.Database, fixture.Services.Catalog, fixture.Clock));
        Services.AddSingleton(fixture.Services.Activity);
        Services.AddScoped<CurrentUser>();
    }

    private async Task<Viewer> UserAsync(string name) => new((await fixture.Database.AddUserAsync($"{name}-{Guid.NewGuid():N}@example.edu.cn")).Id, false);

    private EssayScenario Scenario() => new(fixture.Database, new CourseService(fixture.Database, fixture.Clock), new AssignmentService(fixture.Database, fixture.Clock),
        fixture.Services.Starter, fixture.Services.Practice, fixture.Clock);

    private void SignIn(string userId)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("teacher");
        auth.SetRoles("Teacher");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
    }

    [Fact]
    public async Task AStudentSubmitting_BringsTheCountAndTheListIn_WithoutAReload()
    {
        var teacher = await UserAsync("t");
        var student = await UserAsync("s");
        var scenario = Scenario();
        var (_, assignmentId) = await scenario.CourseAsync(teacher, student.UserId);
        SignIn(teacher.UserId);
        var cut = Render<ReviewWaiting>();
        cut.WaitForAssertion(() => Assert.Contains("没有等你复核", cut.Find("[data-testid=review-waiting-empty]").TextContent));

        await scenario.AnswerAsync(student.UserId, assignmentId);

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("2", cut.Find("[data-testid=review-waiting-count]").TextContent.Trim());
            var list = cut.Find("[data-testid=review-waiting]").TextContent;
            Assert.Contains("作文", list);
            Assert.Contains("翻译", list);
        }, TimeSpan.FromSeconds(10));
        Assert.Equal("/teacher/grading", cut.Find("a[data-testid=review-waiting-open]").GetAttribute("href"));
    }

    [Fact]
    public async Task AnotherTeacher_SeesNothingOfThoseAnswers()
    {
        var teacher = await UserAsync("t");
        var other = await UserAsync("o");
        var student = await UserAsync("s");
        var scenario = Scenario();
        var (_, assignmentId) = await scenario.CourseAsync(teacher, student.UserId);
        await scenario.AnswerAsync(student.UserId, assignmentId);
        SignIn(other.UserId);

        var cut = Render<ReviewWaiting>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=review-waiting-empty]"));
        Assert.Empty(cut.FindAll("[data-testid=review-waiting-count]"));
    }
}
