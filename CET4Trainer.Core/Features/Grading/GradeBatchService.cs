using System.Text.Json;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.AiTasks;
using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Items;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.Grading;

// The units are fixed when the task starts, so a task's total never changes under it.
public sealed record GradeBatchInput(int AssignmentId, IReadOnlyList<long> AnswerIds);

public sealed record BatchState(int AssignmentId, int Gradable, Guid? LatestTaskId);

// A teacher's batch: every final essay and translation of one assignment graded again through the AI.
public sealed class GradeBatchService(IDbContextFactory<AppDbContext> contexts, AiTaskService tasks)
{
    public async Task<(Guid? TaskId, string? Error)> StartAsync(int assignmentId, Viewer teacher, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var courses = CourseService.Owned(db, teacher).Select(c => c.Id);
        var assignment = await db.Assignments.Where(a => a.Id == assignmentId && courses.Contains(a.CourseId))
            .Select(a => new { a.Id, a.Title, a.CourseId }).FirstOrDefaultAsync(cancellationToken);
        if (assignment is null) return (null, "作业不存在，或不是你的作业。");
        var answers = await UnitsAsync(db, assignmentId, cancellationToken);
        if (answers.Count == 0) return (null, "这份作业还没有需要评分的作文或翻译（已由老师复核的不会重评）。");
        return await tasks.EnqueueAsync(new NewAiTask(AiTaskKind.GradeBatch, $"AI 批改：{assignment.Title}", new GradeBatchInput(assignment.Id, answers),
            answers.Count, assignment.CourseId), teacher, cancellationToken);
    }

    // For a course page: per assignment with writing or translation in it, how many answers a batch
    // would grade and the newest batch this teacher started for it (so a reloaded page shows it again).
    public async Task<IReadOnlyDictionary<int, BatchState>> ForCourseAsync(int courseId, Viewer teacher, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await CourseService.Owned(db, teacher).AnyAsync(c => c.Id == courseId, cancellationToken)) return new Dictionary<int, BatchState>();
        var withEssays = await db.AssignmentItems
            .Where(ai => db.Assignments.Any(a => a.Id == ai.AssignmentId && a.CourseId == courseId)
                && db.Items.Any(i => i.Id == ai.ItemId && (i.Type == ItemType.Writing || i.Type == ItemType.Translation)))
            .Select(ai => ai.AssignmentId).Distinct().ToListAsync(cancellationToken);
        if (withEssays.Count == 0) return new Dictionary<int, BatchState>();
        var counts = await Gradable(db)
            .Join(db.PracticeSessions.Where(s => s.AssignmentId != null && withEssays.Contains(s.AssignmentId.Value)), a => a.SessionId, s => s.Id, (a, s) => s.AssignmentId!.Value)
            .GroupBy(id => id).Select(g => new { Id = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Id, x => x.Count, cancellationToken);
        var recent = await db.AiTasks.AsNoTracking()
            .Where(t => t.OwnerId == teacher.UserId && t.Kind == AiTaskKind.GradeBatch && t.CourseId == courseId)
            .OrderByDescending(t => t.CreatedUtc).Take(50).Select(t => new { t.Id, t.InputJson }).ToListAsync(cancellationToken);
        var latest = new Dictionary<int, Guid>();
        foreach (var task in recent)
        {
            var input = JsonSerializer.Deserialize<GradeBatchInput>(task.InputJson, AiTaskJson.Options);
            if (input is not null) latest.TryAdd(input.AssignmentId, task.Id);
        }
        return withEssays.ToDictionary(id => id, id => new BatchState(id, counts.GetValueOrDefault(id), latest.TryGetValue(id, out var t) ? t : null));
    }

    // Final writing and translation answers of the assignment, oldest first; a teacher's decision is never regraded.
    internal static Task<List<long>> UnitsAsync(AppDbContext db, int assignmentId, CancellationToken cancellationToken) =>
        Gradable(db).Where(a => db.PracticeSessions.Any(s => s.Id == a.SessionId && s.AssignmentId == assignmentId))
            .OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken);

    private static IQueryable<Practice.Answer> Gradable(AppDbContext db) =>
        db.Answers.Where(a => a.IsFinal
            && db.Items.Any(i => i.Id == a.ItemId && (i.Type == ItemType.Writing || i.Type == ItemType.Translation))
            && !db.EssayReviews.Any(r => r.AnswerId == a.Id && r.Status != ReviewStatus.Pending));
}
