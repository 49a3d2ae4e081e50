using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.AiTasks;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Tests.TestSupport;

// Task rows written straight into the database, in states the runner leaves alone: final ones, and
// queued ones whose next run is far in the future (the reconciler only schedules them for then).
public static class TaskRows
{
    public static async Task<AiTask> AddAsync(IDbContextFactory<AppDbContext> contexts, string ownerId, AiTaskKind kind, AiTaskStatus status, string title,
        DateTime createdUtc, int done = 0, int total = 4, decimal cost = 0m, int? courseId = null)
    {
        if (status == AiTaskStatus.Running) throw new ArgumentException("A running row needs a runner; start a real task instead.", nameof(status));
        var final = status is AiTaskStatus.Succeeded or AiTaskStatus.Failed or AiTaskStatus.Cancelled;
        var task = new AiTask
        {
            Id = Guid.NewGuid(), OwnerId = ownerId, Kind = kind, Status = status, Title = title, Done = done, Total = total, Cost = cost,
            CourseId = courseId, Attempts = final ? 1 : 0, Engine = final ? "离线引擎" : null, CurrentStep = final ? "结束" : "排队中",
            Error = status == AiTaskStatus.Failed ? "无法连接 AI 服务。" : null,
            CreatedUtc = createdUtc, UpdatedUtc = createdUtc, FinishedUtc = final ? createdUtc.AddMinutes(1) : null,
            NextRunUtc = final ? null : new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        await using var db = await contexts.CreateDbContextAsync();
        db.AiTasks.Add(task);
        await db.SaveChangesAsync();
        return task;
    }
}
