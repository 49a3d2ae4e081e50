using System.Text.Json;
using System.Text.Json.Nodes;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.AiTasks;
using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Items;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.StudyPlans;

// Starts class plans for a course's teacher and reads the latest one back.
public sealed class ClassPlanService(IDbContextFactory<AppDbContext> contexts, AiTaskService tasks)
{
    public async Task<(Guid? TaskId, string? Error)> StartAsync(ClassPlanRequest request, Viewer teacher, CancellationToken cancellationToken = default)
    {
        if (request.Problem() is { } problem) return (null, problem);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var course = await CourseService.Owned(db, teacher).Where(c => c.Id == request.CourseId && c.ArchivedUtc == null)
            .Select(c => new { c.Name, Students = db.CourseMembers.Count(m => m.CourseId == c.Id && m.RemovedUtc == null) })
            .FirstOrDefaultAsync(cancellationToken);
        if (course is null) return (null, "课程不存在，或不是你的课程。");
        if (course.Students == 0) return (null, "课程里还没有学生：学生加入并练习后，才有班级数据可以做计划。");
        return await tasks.EnqueueAsync(
            new NewAiTask(AiTaskKind.ClassStudyPlan, $"班级学习计划：{course.Name}（{request.Weeks} 周）", request, request.Weeks + 1, request.CourseId),
            teacher, cancellationToken);
    }

    public async Task<ClassPlanView?> LatestAsync(int courseId, Viewer teacher, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await CourseService.Owned(db, teacher).AnyAsync(c => c.Id == courseId, cancellationToken)) return null;
        var task = await db.AiTasks.AsNoTracking().Where(t => t.CourseId == courseId && t.Kind == AiTaskKind.ClassStudyPlan)
            .OrderByDescending(t => t.CreatedUtc).Select(t => new { t.Id, t.Status, t.ResultJson, t.Engine }).FirstOrDefaultAsync(cancellationToken);
        if (task is null) return null;
        var finished = task.Status is AiTaskStatus.Succeeded or AiTaskStatus.Failed or AiTaskStatus.Cancelled;
        return new ClassPlanView(task.Id, finished, PlanIn(task.ResultJson), task.Engine);
    }

    // The plan a class plan task committed as its first unit, and the engine that wrote it.
    public static StudyPlanOutput? PlanIn(string? resultJson) =>
        PlanUnit(resultJson)?["plan"]?.Deserialize<StudyPlanOutput>(GenerateStudyPlanOperation.Json);

    public static string? PlanEngineIn(string? resultJson) => PlanUnit(resultJson)?["engine"]?.GetValue<string>();

    private static JsonNode? PlanUnit(string? resultJson)
    {
        if (string.IsNullOrWhiteSpace(resultJson)) return null;
        try
        {
            return JsonNode.Parse(resultJson)?.AsArray().FirstOrDefault(u => u?["plan"] is not null);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
