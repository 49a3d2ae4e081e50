using System.Text.Json.Nodes;
using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Accounts;
using CET4Trainer.Core.Features.AiTasks;
using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Grading;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Scenario tests calling services in sequence with their default tokens.
#pragma warning disable xUnit1051

namespace CET4Trainer.Tests.Features.Grading;

// A teacher's batch, end to end in the real app host: AiTaskService, Quartz on its persistent store,
// the runner and the GradeBatch handler.
public sealed class GradeBatchTests : IAsyncDisposable
{
    private readonly Cet4AppFactory app = new();

    private T Get<T>() where T : notnull => app.Services.GetRequiredService<T>();

    private EssayScenario Scenario => new(Get<IDbContextFactory<AppDbContext>>(), Get<CourseService>(), Get<AssignmentService>(),
        Get<SessionStarter>(), Get<PracticeService>(), Get<TimeProvider>());

    private async Task<Viewer> UserAsync(string role)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = $"{role}-{Guid.NewGuid():N}@example.edu.cn", Email = $"{role}-{Guid.NewGuid():N}@example.edu.cn", DisplayName = role };
        Assert.True((await users.CreateAsync(user, app.DemoPassword)).Succeeded);
        await users.AddToRoleAsync(user, role);
        return new Viewer(user.Id, role == Roles.Admin);
    }

    private async Task<AiTaskSnapshot> FinishedAsync(Guid taskId, Viewer owner)
    {
        var tasks = Get<AiTaskService>();
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until)
        {
            if (await tasks.GetAsync(taskId, owner) is { IsFinal: true } done) return done;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Task {taskId} did not finish: {await tasks.GetAsync(taskId, owner)}");
    }

    [Fact]
    public async Task BatchOverAnAssignmentsEssays_FinishesWithEveryAnswerGradedOnce_AndDecisionsAreLeftAlone()
    {
        var teacher = await UserAsync(Roles.Teacher);
        var other = await UserAsync(Roles.Teacher);
        var first = await UserAsync(Roles.Student);
        var second = await UserAsync(Roles.Student);
        var (courseId, assignmentId) = await Scenario.CourseAsync(teacher, first.UserId, second.UserId);
        var answers = (await Scenario.AnswerAsync(first.UserId, assignmentId, words: 90)).Concat(await Scenario.AnswerAsync(second.UserId, assignmentId)).ToList();
        var batches = Get<GradeBatchService>();

        Assert.Equal("作业不存在，或不是你的作业。", (await batches.StartAsync(assignmentId, other)).Error);
        Assert.Empty(await batches.ForCourseAsync(courseId, other));
        Assert.Equal(4, (await batches.ForCourseAsync(courseId, teacher))[assignmentId].Gradable);
        var (taskId, error) = await batches.StartAsync(assignmentId, teacher);
        Assert.Null(error);
        var task = await FinishedAsync(taskId!.Value, teacher);

        Assert.Equal(AiTaskStatus.Succeeded, task.Status);
        Assert.Equal((4, 4), (task.Done, task.Total));
        Assert.Equal(AiEngines.Offline, task.Engine);
        Assert.Equal(AiTaskKind.GradeBatch, task.Kind);
        Assert.Equal(courseId, task.CourseId);
        await using var db = await Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var calls = await db.AiCalls.AsNoTracking().Where(c => c.TaskId == taskId).ToListAsync();
        Assert.Equal(4, calls.Count);
        Assert.All(calls, c => Assert.Equal(teacher.UserId, c.UserId));
        Assert.Equal(2, calls.Count(c => c.Operation == "GradeWriting"));
        Assert.Equal(2, calls.Count(c => c.Operation == "GradeTranslation"));
        var units = JsonNode.Parse((await Get<AiTaskService>().ResultJsonAsync(taskId.Value, teacher))!)!.AsArray();
        Assert.Equal(answers.Select(a => a.Id).Order(), units.Select(u => (long)u!["answerId"]!).Order());
        var stored = await db.Answers.AsNoTracking().Where(a => answers.Select(x => x.Id).Contains(a.Id)).OrderBy(a => a.Id).ToListAsync();
        foreach (var (answer, unit) in stored.Zip(units.OrderBy(u => (long)u!["answerId"]!)))
        {
            var grade = PracticeService.ReadGrade(answer)!;
            Assert.Equal(1, grade.PromptVersion);
            Assert.Equal((int)unit!["score"]!, grade.Score);
            Assert.Equal(grade.Score, answer.Score);
            Assert.True(grade.ReviewReasons.HasFlag(Core.Features.Scoring.ReviewReasons.OfflineEstimate));
        }
        var reviews = await db.EssayReviews.AsNoTracking().Where(r => r.AssignmentId == assignmentId).ToListAsync();
        Assert.Equal(answers.Select(a => a.Id).Order(), reviews.Select(r => r.AnswerId).Order());
        Assert.Equal(taskId, (await batches.ForCourseAsync(courseId, teacher))[assignmentId].LatestTaskId);

        // A teacher's decision is final: the next batch leaves that answer out.
        var decided = reviews.First();
        Assert.Null(await Get<EssayReviewService>().DecideAsync(decided.Id, teacher, decided.AiScore == 15 ? 14 : 15, null));
        var (again, _) = await batches.StartAsync(assignmentId, teacher);
        var rerun = await FinishedAsync(again!.Value, teacher);
        Assert.Equal((AiTaskStatus.Succeeded, 3, 3), (rerun.Status, rerun.Done, rerun.Total));
        var stillTeacher = PracticeService.ReadGrade(await db.Answers.AsNoTracking().SingleAsync(a => a.Id == decided.AnswerId))!;
        Assert.True(stillTeacher.Teacher!.Overridden);
        Assert.Equal(3, await db.AiCalls.CountAsync(c => c.TaskId == again));
    }

    [Fact]
    public async Task AssignmentWithoutEssays_OrSomeoneElsesAssignment_StartsNothing()
    {
        var teacher = await UserAsync(Roles.Teacher);
        var (courseId, _) = await Get<CourseService>().CreateAsync("阅读班", teacher);
        await using var db = await Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var reading = await db.Items.Where(i => i.Type == ItemType.CarefulReading && i.OwnerId == null).Select(i => i.Id).FirstAsync();
        var now = DateTime.UtcNow;
        var (assignmentId, _) = await Get<AssignmentService>().CreateAsync(
            new NewAssignment(courseId!.Value, "阅读", [reading], now.AddHours(-1), now.AddDays(1), 1, FeedbackMode.Immediate), teacher);

        Assert.Equal("这份作业还没有需要评分的作文或翻译（已由老师复核的不会重评）。", (await Get<GradeBatchService>().StartAsync(assignmentId!.Value, teacher)).Error);
        Assert.Empty(await Get<GradeBatchService>().ForCourseAsync(courseId.Value, teacher));
        Assert.Equal("作业不存在，或不是你的作业。", (await Get<GradeBatchService>().StartAsync(int.MaxValue, teacher)).Error);
        Assert.Equal(0, await db.AiTasks.CountAsync(t => t.OwnerId == teacher.UserId));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
