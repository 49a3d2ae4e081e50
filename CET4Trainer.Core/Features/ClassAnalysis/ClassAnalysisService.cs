using System.Text.Json;
using System.Text.Json.Nodes;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.AiTasks;
using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Items;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.ClassAnalysis;

public sealed record NamedProblem(string Title, string Detail, string Suggestion);

public sealed record NamedStudent(string Label, string Name, IReadOnlyList<string> Reasons);

// An analysis as the teacher reads it: labels mapped back to the students' names.
public sealed record ClassAnalysisView(Guid TaskId, DateTime CreatedUtc, string Engine, string? Model, int Students, string Summary,
    IReadOnlyList<NamedProblem> Problems, IReadOnlyList<NamedStudent> AttentionStudents)
{
    public bool IsOffline => Engine == Ai.AiEngines.Offline;
}

// The course analysis page's state: a task still working (if any) and the latest finished analysis.
public sealed record ClassAnalysisState(Guid? RunningTaskId, ClassAnalysisView? Latest);

// Starts class analyses and reads them back, for the course's teacher (and admins) only.
public sealed class ClassAnalysisService(IDbContextFactory<AppDbContext> contexts, AiTaskService tasks)
{
    public async Task<(Guid? TaskId, string? Error)> StartAsync(int courseId, Viewer teacher, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var course = await CourseService.Owned(db, teacher).Where(c => c.Id == courseId)
            .Select(c => new { c.Name, Students = db.CourseMembers.Count(m => m.CourseId == c.Id && m.RemovedUtc == null) })
            .FirstOrDefaultAsync(cancellationToken);
        if (course is null) return (null, "课程不存在，或不是你的课程。");
        if (course.Students == 0) return (null, "课程里还没有学生：学生加入并练习后才能分析。");
        return await tasks.EnqueueAsync(new NewAiTask(AiTaskKind.ClassAnalysis, $"学情分析：{course.Name}", new ClassAnalysisRequest(courseId), 1, courseId),
            teacher, cancellationToken);
    }

    // Null when the course is not the viewer's.
    public async Task<ClassAnalysisState?> StateAsync(int courseId, Viewer teacher, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await CourseService.Owned(db, teacher).AnyAsync(c => c.Id == courseId, cancellationToken)) return null;
        var analyses = db.AiTasks.AsNoTracking().Where(t => t.CourseId == courseId && t.Kind == AiTaskKind.ClassAnalysis);
        var running = await analyses.Where(t => t.Status == AiTaskStatus.Queued || t.Status == AiTaskStatus.Running)
            .OrderByDescending(t => t.CreatedUtc).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
        var latest = await analyses.Where(t => t.Status == AiTaskStatus.Succeeded).OrderByDescending(t => t.FinishedUtc)
            .Select(t => new { t.Id, t.ResultJson }).FirstOrDefaultAsync(cancellationToken);
        return new ClassAnalysisState(running, latest is null ? null : await ViewAsync(db, latest.Id, latest.ResultJson, cancellationToken));
    }

    private static async Task<ClassAnalysisView?> ViewAsync(AppDbContext db, Guid taskId, string? resultJson, CancellationToken cancellationToken)
    {
        JsonNode? unit;
        try
        {
            unit = string.IsNullOrWhiteSpace(resultJson) ? null : JsonNode.Parse(resultJson)?.AsArray().FirstOrDefault(u => u?["analysis"] is not null);
        }
        catch (JsonException)
        {
            return null;
        }
        if (unit is null) return null;
        var analysis = unit["analysis"]!.Deserialize<ClassAnalysisOutput>(AnalyzeClassOperation.Json) ?? new ClassAnalysisOutput();
        var ids = (unit["labels"]?.AsObject() ?? []).ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "");
        var studentIds = ids.Values.ToList();
        var people = await db.Users.AsNoTracking().Where(u => studentIds.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.DisplayName ?? u.Email ?? u.UserName ?? "" }).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        // A student whose account is gone keeps the label.
        var names = ids.ToDictionary(p => p.Key, p => people.GetValueOrDefault(p.Value) is { Length: > 0 } name ? name : p.Key);
        return new ClassAnalysisView(
            taskId, unit["createdUtc"]?.GetValue<DateTime>() ?? DateTime.MinValue, unit["engine"]?.GetValue<string>() ?? "", unit["model"]?.GetValue<string>(),
            unit["students"]?.GetValue<int>() ?? ids.Count, StudentLabels.MapBack(analysis.Summary, names),
            (analysis.CommonProblems ?? []).Where(p => p is not null).Select(p => new NamedProblem(
                StudentLabels.MapBack(p.Title, names), StudentLabels.MapBack(p.Detail, names), StudentLabels.MapBack(p.Suggestion, names))).ToList(),
            (analysis.Students ?? []).Where(s => s is not null).Select(s =>
            {
                var label = StudentLabels.Normalise(s.Student);
                return new NamedStudent(label, names.GetValueOrDefault(label, label), (s.Reasons ?? []).Select(r => StudentLabels.MapBack(r, names)).ToList());
            }).ToList());
    }
}
