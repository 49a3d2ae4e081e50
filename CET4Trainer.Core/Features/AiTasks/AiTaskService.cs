using System.Text.Json;
using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Items;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Core.Features.AiTasks;

public sealed record NewAiTask(AiTaskKind Kind, string Title, object Input, int Total, int? CourseId = null);

// Starting, reading, cancelling and retrying AI tasks. Only the owner (and admins) see a task.
public sealed class AiTaskService(
    IDbContextFactory<AppDbContext> contexts, AiTaskScheduler scheduler, AiTaskHub hub, AiBudget budget,
    IOptionsMonitor<AiOptions> options, TimeProvider clock)
{
    public async Task<(Guid? Id, string? Error)> EnqueueAsync(NewAiTask request, Viewer owner, CancellationToken cancellationToken = default)
    {
        if (request.Total < 1) return (null, "任务没有需要处理的内容。");
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var perHour = options.CurrentValue.Limits.TasksPerUserPerHour;
        if (await db.AiTasks.CountAsync(t => t.OwnerId == owner.UserId && t.CreatedUtc > now.AddHours(-1), cancellationToken) >= perHour)
            return (null, $"一小时内最多启动 {perHour} 个 AI 任务，请稍后再试。");
        if (await budget.RefusalAsync(owner.UserId, cancellationToken) is { } refusal) return (null, refusal);

        var task = new AiTask
        {
            Id = Guid.NewGuid(), Kind = request.Kind, OwnerId = owner.UserId, CourseId = request.CourseId, Title = request.Title,
            Status = AiTaskStatus.Queued, Total = request.Total, CurrentStep = "排队中",
            InputJson = JsonSerializer.Serialize(request.Input, request.Input.GetType(), AiTaskJson.Options),
            CreatedUtc = now, UpdatedUtc = now, NextRunUtc = now,
        };
        db.AiTasks.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        // The row is committed first: if scheduling fails now, reconciliation schedules it later.
        await scheduler.ScheduleAsync(task.Id, now, cancellationToken);
        hub.Publish(AiTaskSnapshot.Of(task));
        return (task.Id, null);
    }

    public async Task<AiTaskSnapshot?> GetAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var task = await Visible(db, viewer).AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        return task is null ? null : AiTaskSnapshot.Of(task);
    }

    // The task's result list (one entry per committed unit), for pages that show what came out.
    public async Task<string?> ResultJsonAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Visible(db, viewer).Where(t => t.Id == id).Select(t => t.ResultJson).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AiTaskSnapshot>> ListAsync(Viewer viewer, AiTaskKind? kind = null, int? courseId = null, int take = 50,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.AiTasks.AsNoTracking().Where(t => t.OwnerId == viewer.UserId);
        if (kind is { } k) query = query.Where(t => t.Kind == k);
        if (courseId is { } c) query = query.Where(t => t.CourseId == c);
        var rows = await query.OrderByDescending(t => t.CreatedUtc).Take(take).ToListAsync(cancellationToken);
        return rows.Select(AiTaskSnapshot.Of).ToList();
    }

    // The task centre's list: the viewer's tasks (an admin's: everyone's unless OwnOnly), newest first.
    public async Task<AiTaskPage> SearchAsync(Viewer viewer, AiTaskQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tasks = (query.OwnOnly ? Visible(db, viewer with { IsAdmin = false }) : Visible(db, viewer)).AsNoTracking();
        if (query.Kind is { } kind) tasks = tasks.Where(t => t.Kind == kind);
        if (query.Statuses is { Count: > 0 } statuses)
        {
            var wanted = statuses.Distinct().ToList();
            tasks = tasks.Where(t => wanted.Contains(t.Status));
        }
        var search = query.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            if (search.Length > AiTaskQuery.MaxSearch) search = search[..AiTaskQuery.MaxSearch];
            tasks = tasks.Where(t => t.Title.Contains(search));
        }
        var total = await tasks.CountAsync(cancellationToken);
        var rows = await tasks.OrderByDescending(t => t.CreatedUtc).ThenBy(t => t.Id)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, AiTaskQuery.MaxTake)).ToListAsync(cancellationToken);
        var owners = rows.Select(t => t.OwnerId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => owners.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.DisplayName ?? u.Email ?? u.UserName ?? "" }).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        return new AiTaskPage(rows.Select(t => new AiTaskRow(AiTaskSnapshot.Of(t), names.GetValueOrDefault(t.OwnerId, ""))).ToList(), total);
    }

    // Asks a queued or running task to stop. A running call is cancelled at once on this node; the
    // runner ends the task as Cancelled with what it did and spent so far.
    public async Task<string?> CancelAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var task = await Visible(db, viewer).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null) return "任务不存在，或不是你的任务。";
        if (task.IsFinal) return "任务已经结束。";
        task.CancelRequested = true;
        task.UpdatedUtc = now;
        if (task.Status == AiTaskStatus.Queued)
        {
            // Nobody is working on it: it ends here.
            task.Status = AiTaskStatus.Cancelled;
            task.CurrentStep = "已取消";
            task.FinishedUtc = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        scheduler.SignalCancel(id);
        hub.Publish(AiTaskSnapshot.Of(task));
        return null;
    }

    // Starts a failed or cancelled task again from where it stopped (units already done are kept).
    public async Task<string?> RetryAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var task = await Visible(db, viewer).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null) return "任务不存在，或不是你的任务。";
        if (task.Status is not (AiTaskStatus.Failed or AiTaskStatus.Cancelled)) return "只有失败或已取消的任务可以重试。";
        if (await budget.RefusalAsync(task.OwnerId, cancellationToken) is { } refusal) return refusal;
        task.Status = AiTaskStatus.Queued;
        task.CancelRequested = false;
        task.Attempts = 0;
        task.Error = null;
        task.CurrentStep = "排队中";
        task.FinishedUtc = null;
        task.NextRunUtc = now;
        task.UpdatedUtc = now;
        await db.SaveChangesAsync(cancellationToken);
        await scheduler.ScheduleAsync(task.Id, now, cancellationToken);
        hub.Publish(AiTaskSnapshot.Of(task));
        return null;
    }

    private static IQueryable<AiTask> Visible(AppDbContext db, Viewer viewer) =>
        viewer.IsAdmin ? db.AiTasks : db.AiTasks.Where(t => t.OwnerId == viewer.UserId);
}
