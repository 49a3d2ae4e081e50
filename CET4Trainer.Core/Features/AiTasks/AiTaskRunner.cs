using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Core.Features.AiTasks;

// Runs attempts of AI tasks: at most Ai:Tasks:MaxRunning at once on this node, each holding a lease on
// its row that fences every write, so a task never runs twice at the same time and a unit of work is
// committed once, whatever crashes in between (docs/decisions/0019-durable-ai-tasks.md).
public sealed partial class AiTaskRunner(
    IDbContextFactory<AppDbContext> contexts, IEnumerable<IAiTaskHandler> handlers, AiTaskScheduler scheduler, AiTaskHub hub,
    IOptionsMonitor<AiOptions> options, AiMetrics metrics, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<AiTaskRunner> log)
{
    private readonly IDbContextFactory<AppDbContext> contexts = contexts;
    private readonly SemaphoreSlim slots = new(options.CurrentValue.Tasks.MaxRunning);
    // The last registration of a kind wins, so a host can replace a handler.
    private readonly Dictionary<AiTaskKind, IAiTaskHandler> byKind = handlers.GroupBy(h => h.Kind).ToDictionary(g => g.Key, g => g.Last());

    private AiTaskOptions Settings => options.CurrentValue.Tasks;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task RunAsync(Guid taskId, CancellationToken cancellationToken)
    {
        // No free slot: the task stays queued; the next attempt to finish on this node starts it.
        if (!await slots.WaitAsync(0, cancellationToken)) return;
        try
        {
            await RunClaimedAsync(taskId, cancellationToken);
        }
        finally
        {
            slots.Release();
        }
        await DispatchAsync(CancellationToken.None);
    }

    private async Task RunClaimedAsync(Guid taskId, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        var task = await ClaimAsync(taskId, token, cancellationToken);
        if (task is null) return;
        if (!byKind.TryGetValue(task.Kind, out var handler))
        {
            await FinishAsync(task.Id, token, AiTaskStatus.Failed, "这个节点不认识这种任务。", CancellationToken.None);
            return;
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        scheduler.Register(task.Id, cancel);
        var lease = new LeaseKeeper();
        var heartbeat = KeepLeaseAsync(task.Id, token, cancel, lease);
        try
        {
            var run = new Run(this, task, token);
            await handler.RunAsync(run, cancel.Token);
            await FinishAsync(task.Id, token, AiTaskStatus.Succeeded, null, CancellationToken.None);
            LogFinished(task.Id, task.Kind, "Succeeded");
        }
        catch (Exception ex) when (lease.Lost || ex is AiTaskLeaseLostException)
        {
            LogLeaseLost(task.Id);
        }
        catch (Exception) when (cancel.IsCancellationRequested && (cancellationToken.IsCancellationRequested || lifetime.ApplicationStopping.IsCancellationRequested))
        {
            // The node is stopping: hand the task back so it runs after the restart (or on another node).
            await ReleaseAsync(task.Id, token);
        }
        catch (Exception) when (cancel.IsCancellationRequested)
        {
            // Only a cancel request cancels the attempt otherwise; the task ends with what it did so far.
            await FinishAsync(task.Id, token, AiTaskStatus.Cancelled, null, CancellationToken.None);
            LogFinished(task.Id, task.Kind, "Cancelled");
        }
        catch (AiTaskFailedException ex)
        {
            await FinishAsync(task.Id, token, AiTaskStatus.Failed, ex.Message, CancellationToken.None);
            LogFinished(task.Id, task.Kind, "Failed");
        }
        catch (Exception ex)
        {
            await RetryOrFailAsync(task, token, ex);
        }
        finally
        {
            lease.Stop();
            await heartbeat;
            scheduler.Unregister(task.Id);
        }
    }

    // Takes the task if it is due and nobody holds a live lease on it. Returns null when it is not ours to run.
    private async Task<AiTask?> ClaimAsync(Guid taskId, Guid token, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var task = await db.AiTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null || task.IsFinal) return null;
        if (task.Status == AiTaskStatus.Running && task.LeaseUntilUtc > now)
        {
            // Another attempt holds it (or a killed node did): look again when its lease runs out.
            await scheduler.ScheduleAsync(taskId, task.LeaseUntilUtc.Value.AddMilliseconds(500), cancellationToken);
            return null;
        }
        if (task.Status == AiTaskStatus.Queued && task.NextRunUtc > now.AddSeconds(1))
        {
            return null; // A later trigger exists for its backoff; an early wake-up changes nothing.
        }
        if (task.CancelRequested)
        {
            await FinishAsync(taskId, task.LeaseToken, AiTaskStatus.Cancelled, null, cancellationToken);
            return null;
        }
        var oldToken = task.LeaseToken;
        var leaseUntil = now.AddSeconds(Settings.LeaseSeconds);
        var claimed = await db.AiTasks
            .Where(t => t.Id == taskId && t.LeaseToken == oldToken && t.Status == task.Status && t.Attempts == task.Attempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, AiTaskStatus.Running)
                .SetProperty(t => t.LeaseToken, token)
                .SetProperty(t => t.LeaseUntilUtc, leaseUntil)
                .SetProperty(t => t.Attempts, task.Attempts + 1)
                .SetProperty(t => t.StartedUtc, task.StartedUtc ?? now)
                .SetProperty(t => t.CurrentStep, task.Done > 0 ? $"继续（已完成 {task.Done}/{task.Total}）" : "开始")
                .SetProperty(t => t.UpdatedUtc, now), cancellationToken);
        if (claimed != 1) return null;
        await PublishAsync(taskId);
        LogClaimed(taskId, task.Kind, task.Attempts + 1, task.Done);
        return await db.AiTasks.AsNoTracking().FirstAsync(t => t.Id == taskId, cancellationToken);
    }

    // Renews the lease while the attempt works and notices a cancellation asked for on any node.
    private async Task KeepLeaseAsync(Guid taskId, Guid token, CancellationTokenSource cancel, LeaseKeeper lease)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, Settings.LeaseSeconds / 3.0));
        while (await lease.WaitAsync(interval))
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync();
                var until = Now.AddSeconds(Settings.LeaseSeconds);
                var renewed = await db.AiTasks.Where(t => t.Id == taskId && t.LeaseToken == token)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.LeaseUntilUtc, until));
                if (renewed == 0) lease.Lost = true;
                var cancelRequested = !lease.Lost && await db.AiTasks.Where(t => t.Id == taskId).Select(t => t.CancelRequested).FirstAsync();
                if (lease.Lost || cancelRequested) await cancel.CancelAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogLeaseRenewalFailed(ex, taskId);
            }
        }
    }

    private async Task RetryOrFailAsync(AiTask task, Guid token, Exception ex)
    {
        var attempts = task.Attempts;
        if (attempts >= Settings.MaxAttempts)
        {
            LogFailed(ex, task.Id, attempts);
            await FinishAsync(task.Id, token, AiTaskStatus.Failed, $"尝试 {attempts} 次后仍然失败：{Readable(ex)}", CancellationToken.None);
            return;
        }
        var delay = TimeSpan.FromSeconds(Settings.RetryDelaySeconds * Math.Pow(2, attempts - 1));
        var next = Now.Add(delay);
        LogRetrying(ex, task.Id, attempts, delay.TotalSeconds);
        await using var db = await contexts.CreateDbContextAsync();
        var released = await db.AiTasks.Where(t => t.Id == task.Id && t.LeaseToken == token)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, AiTaskStatus.Queued)
                .SetProperty(t => t.LeaseToken, (Guid?)null)
                .SetProperty(t => t.LeaseUntilUtc, (DateTime?)null)
                .SetProperty(t => t.NextRunUtc, next)
                .SetProperty(t => t.CurrentStep, $"第 {attempts} 次尝试失败，{delay.TotalSeconds:0} 秒后重试")
                .SetProperty(t => t.Error, Readable(ex))
                .SetProperty(t => t.UpdatedUtc, Now));
        if (released == 1)
        {
            await scheduler.ScheduleAsync(task.Id, next);
            await PublishAsync(task.Id);
        }
    }

    private async Task ReleaseAsync(Guid taskId, Guid token)
    {
        var now = Now;
        await using var db = await contexts.CreateDbContextAsync();
        var released = await db.AiTasks.Where(t => t.Id == taskId && t.LeaseToken == token)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, AiTaskStatus.Queued)
                .SetProperty(t => t.LeaseToken, (Guid?)null)
                .SetProperty(t => t.LeaseUntilUtc, (DateTime?)null)
                .SetProperty(t => t.Attempts, t => t.Attempts - 1)
                .SetProperty(t => t.NextRunUtc, now)
                .SetProperty(t => t.CurrentStep, "等待重新开始")
                .SetProperty(t => t.UpdatedUtc, now));
        if (released == 0) return;
        try
        {
            await scheduler.ScheduleAsync(taskId, now);
        }
        catch (Quartz.SchedulerException)
        {
            // The scheduler has already shut down; reconciliation at the next start finds the queued task.
        }
    }

    private async Task FinishAsync(Guid taskId, Guid? token, AiTaskStatus status, string? error, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var step = status switch { AiTaskStatus.Succeeded => "已完成", AiTaskStatus.Cancelled => "已取消", _ => "失败" };
        var finished = await db.AiTasks.Where(t => t.Id == taskId && t.LeaseToken == token && t.Status != AiTaskStatus.Succeeded && t.Status != AiTaskStatus.Failed && t.Status != AiTaskStatus.Cancelled)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, status)
                .SetProperty(t => t.Error, error)
                .SetProperty(t => t.CurrentStep, step)
                .SetProperty(t => t.LeaseToken, (Guid?)null)
                .SetProperty(t => t.LeaseUntilUtc, (DateTime?)null)
                .SetProperty(t => t.FinishedUtc, now)
                .SetProperty(t => t.UpdatedUtc, now), cancellationToken);
        if (finished == 1) metrics.TaskFinished(status.ToString());
        await PublishAsync(taskId);
    }

    internal async Task PublishAsync(Guid taskId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var task = await db.AiTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId);
        if (task is not null) hub.Publish(AiTaskSnapshot.Of(task));
    }

    // Starts waiting tasks in free slots, oldest first: queued tasks that are due, and running tasks whose
    // node died (lease expired). Called when an attempt ends and by reconciliation. Tasks waiting for a
    // slot have no trigger on purpose, so the scheduler is not flooded with wake-ups that find no slot.
    public async Task DispatchAsync(CancellationToken cancellationToken)
    {
        var free = slots.CurrentCount;
        if (free == 0 || lifetime.ApplicationStopping.IsCancellationRequested) return;
        var now = Now;
        var withTriggers = await scheduler.TasksWithTriggersAsync(cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await db.AiTasks.AsNoTracking()
            .Where(t => (t.Status == AiTaskStatus.Queued && !t.CancelRequested && (t.NextRunUtc == null || t.NextRunUtc <= now))
                || (t.Status == AiTaskStatus.Running && t.LeaseUntilUtc < now))
            .OrderBy(t => t.NextRunUtc).ThenBy(t => t.CreatedUtc).Select(t => t.Id).Take(free + withTriggers.Count).ToListAsync(cancellationToken);
        foreach (var id in due.Where(id => !withTriggers.Contains(id)).Take(free)) await scheduler.ScheduleAsync(id, now, cancellationToken);
    }

    // Safety net: a task waiting out its retry backoff whose trigger went missing gets it back; due tasks
    // (including those of a dead node) are started as slots allow.
    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var withTriggers = await scheduler.TasksWithTriggersAsync(cancellationToken);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var later = await db.AiTasks.AsNoTracking()
                .Where(t => t.Status == AiTaskStatus.Queued && !t.CancelRequested && t.NextRunUtc > now)
                .Select(t => new { t.Id, t.NextRunUtc }).ToListAsync(cancellationToken);
            foreach (var task in later.Where(t => !withTriggers.Contains(t.Id)))
            {
                LogReconciled(task.Id, AiTaskStatus.Queued);
                await scheduler.ScheduleAsync(task.Id, task.NextRunUtc!.Value, cancellationToken);
            }
        }
        await DispatchAsync(cancellationToken);
    }

    // What a teacher can read: the exception's own message for known failures, never a stack trace or a secret.
    private static string Readable(Exception ex) => ex switch
    {
        AiRefusedException or AiTaskFailedException => ex.Message,
        TimeoutException => "AI 服务响应超时。",
        HttpRequestException => "无法连接 AI 服务。",
        _ => "处理时出错，详情见服务器日志。",
    };

    // The heartbeat's timer and the flags it raises.
    private sealed class LeaseKeeper
    {
        private readonly CancellationTokenSource stop = new();

        public volatile bool Lost;

        public async Task<bool> WaitAsync(TimeSpan interval)
        {
            try
            {
                await Task.Delay(interval, stop.Token);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        public void Stop() => stop.Cancel();
    }

    [LoggerMessage(LogLevel.Information, "AI task {TaskId} ({Kind}) claimed for attempt {Attempt}, {Done} units already done")]
    private partial void LogClaimed(Guid taskId, AiTaskKind kind, int attempt, int done);

    [LoggerMessage(LogLevel.Information, "AI task {TaskId} ({Kind}) ended {Status}")]
    private partial void LogFinished(Guid taskId, AiTaskKind kind, string status);

    [LoggerMessage(LogLevel.Warning, "AI task {TaskId} lost its lease; another attempt continues it")]
    private partial void LogLeaseLost(Guid taskId);

    [LoggerMessage(LogLevel.Warning, "AI task {TaskId} could not renew its lease")]
    private partial void LogLeaseRenewalFailed(Exception ex, Guid taskId);

    [LoggerMessage(LogLevel.Warning, "AI task {TaskId} attempt {Attempt} failed; retrying in {DelaySeconds} s")]
    private partial void LogRetrying(Exception ex, Guid taskId, int attempt, double delaySeconds);

    [LoggerMessage(LogLevel.Error, "AI task {TaskId} failed after {Attempts} attempts")]
    private partial void LogFailed(Exception ex, Guid taskId, int attempts);

    [LoggerMessage(LogLevel.Information, "AI task {TaskId} ({Status}) had no trigger; scheduled again")]
    private partial void LogReconciled(Guid taskId, AiTaskStatus status);
}
