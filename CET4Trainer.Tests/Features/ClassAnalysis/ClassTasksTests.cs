using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Accounts;
using CET4Trainer.Core.Features.AiTasks;
using CET4Trainer.Core.Features.ClassAnalysis;
using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.StudyPlans;
using CET4Trainer.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Scenario tests calling services in sequence with their default tokens.
#pragma warning disable xUnit1051

namespace CET4Trainer.Tests.Features.ClassAnalysis;

// Class analysis and class plans as tasks in the app host (real Quartz and handlers, offline engine).
public sealed class ClassTasksTests(Cet4AppFactory app) : IClassFixture<Cet4AppFactory>
{
    private IServiceProvider Services => app.Services;

    // A teacher's course with a weak student, a strong one and one who never practised.
    private async Task<(Viewer Teacher, int CourseId, List<ApplicationUser> Students)> ClassAsync()
    {
        var teacher = new Viewer((await AppTasks.CreateUserAsync(Services, Roles.Teacher)).Id, false);
        var courses = Services.GetRequiredService<CourseService>();
        var courseId = (await courses.CreateAsync($"分析班 {Guid.NewGuid():N}"[..10], teacher)).Id!.Value;
        var code = (await courses.GetAsync(courseId, teacher))!.JoinCode;
        var students = new List<ApplicationUser>();
        foreach (var name in new[] { "赵一鸣", "钱二丫", "孙三思" })
        {
            var student = await AppTasks.CreateUserAsync(Services, Roles.Student, name);
            await courses.JoinAsync(student.Id, code);
            students.Add(student);
        }
        var contexts = Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        int careful;
        await using (var db = await contexts.CreateDbContextAsync())
            careful = await db.Items.Where(i => i.Type == ItemType.CarefulReading && i.Source == ItemSource.Bundled).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        for (var round = 0; round < 3; round++)
        {
            await AnswerSeeder.AnswerAsync(contexts, students[0].Id, careful, AnswerSeeder.Results(1, 4), DateTime.UtcNow.AddDays(-round - 1));
            await AnswerSeeder.AnswerAsync(contexts, students[1].Id, careful, AnswerSeeder.Results(5, 0), DateTime.UtcNow.AddDays(-round - 1));
        }
        return (teacher, courseId, students);
    }

    [Fact]
    public async Task ClassAnalysis_RunsAsATask_AndShowsRealNamesForTheLabels_ToTheCoursesTeacherOnly()
    {
        var (teacher, courseId, students) = await ClassAsync();
        var analyses = Services.GetRequiredService<ClassAnalysisService>();
        var other = new Viewer((await AppTasks.CreateUserAsync(Services, Roles.Teacher)).Id, false);

        Assert.Equal("课程不存在，或不是你的课程。", (await analyses.StartAsync(courseId, other)).Error);
        Assert.Null(await analyses.StateAsync(courseId, other));
        var (taskId, error) = await analyses.StartAsync(courseId, teacher);
        Assert.Null(error);
        var final = await AppTasks.WaitFinalAsync(Services, taskId!.Value, teacher);

        Assert.Equal((AiTaskStatus.Succeeded, 1, AiEngines.Offline), (final.Status, final.Done, final.Engine));
        var view = (await analyses.StateAsync(courseId, teacher))!.Latest!;
        Assert.True(view.IsOffline);
        Assert.Equal(3, view.Students);
        var flagged = view.AttentionStudents.ToDictionary(s => s.Name, s => string.Join(" ", s.Reasons));
        Assert.Equal(["孙三思", "赵一鸣"], flagged.Keys.Order());
        Assert.Contains("低于 50%", flagged["赵一鸣"]);
        Assert.Contains("还没有做过任何练习", flagged["孙三思"]);
        Assert.DoesNotContain(view.AttentionStudents, s => s.Name.StartsWith("学生 ", StringComparison.Ordinal));
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.AiCalls.CountAsync(c => c.TaskId == taskId && c.Operation == "AnalyzeClass" && c.UserId == teacher.UserId));
    }

    [Fact]
    public async Task ClassPlan_MakesOneDraftAssignmentPerWeek_HiddenFromStudentsUntilPublished()
    {
        var (teacher, courseId, students) = await ClassAsync();
        var plans = Services.GetRequiredService<ClassPlanService>();
        var assignments = Services.GetRequiredService<AssignmentService>();
        var other = new Viewer((await AppTasks.CreateUserAsync(Services, Roles.Teacher)).Id, false);

        Assert.Equal("课程不存在，或不是你的课程。", (await plans.StartAsync(new ClassPlanRequest(courseId, 3, 240), other)).Error);
        Assert.Equal("计划周数请填 1-8 周。", (await plans.StartAsync(new ClassPlanRequest(courseId, 9, 240), teacher)).Error);
        var (taskId, error) = await plans.StartAsync(new ClassPlanRequest(courseId, 3, 240), teacher);
        Assert.Null(error);
        var final = await AppTasks.WaitFinalAsync(Services, taskId!.Value, teacher);

        Assert.Equal((AiTaskStatus.Succeeded, 4, 4), (final.Status, final.Done, final.Total));
        var latest = (await plans.LatestAsync(courseId, teacher))!;
        Assert.Equal([1, 2, 3], latest.Plan!.Weeks!.Select(w => w.Week));
        Assert.Null(await plans.LatestAsync(courseId, other));
        var rows = (await assignments.ForCourseAsync(courseId, teacher))!;
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.True(r.IsDraft && r.Items > 0));
        foreach (var student in students) Assert.Empty(await assignments.ForStudentAsync(student.Id));
        await using (var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var itemIds = await db.AssignmentItems.Where(ai => rows.Select(r => r.Id).Contains(ai.AssignmentId)).Select(ai => ai.ItemId).ToListAsync();
            Assert.Equal(itemIds.Count, itemIds.Distinct().Count());
            Assert.Equal(itemIds.Count, await db.Items.CountAsync(i => itemIds.Contains(i.Id) && i.Status == ItemStatus.Published));
        }

        var firstWeek = rows.Single(r => r.Title.StartsWith("第 1 周", StringComparison.Ordinal));
        Assert.NotNull(await assignments.PublishAsync(firstWeek.Id, other));
        Assert.Null(await assignments.PublishAsync(firstWeek.Id, teacher));
        Assert.Equal([firstWeek.Id], (await assignments.ForStudentAsync(students[0].Id)).Select(a => a.Id));
    }

    [Fact]
    public async Task ACourseWithoutStudents_IsRefusedAPlanAndAnAnalysis_WithAReason()
    {
        var teacher = new Viewer((await AppTasks.CreateUserAsync(Services, Roles.Teacher)).Id, false);
        var courseId = (await Services.GetRequiredService<CourseService>().CreateAsync("空班", teacher)).Id!.Value;

        Assert.Contains("还没有学生", (await Services.GetRequiredService<ClassPlanService>().StartAsync(new ClassPlanRequest(courseId, 2, 120), teacher)).Error);
        Assert.Contains("还没有学生", (await Services.GetRequiredService<ClassAnalysisService>().StartAsync(courseId, teacher)).Error);
    }
}
