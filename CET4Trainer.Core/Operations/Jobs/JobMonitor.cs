using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.AiTasks;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CET4Trainer.Core.Operations.Jobs;

public sealed record TriggerView(string Group, string Name, string? Description, TriggerState State, DateTime? PreviousUtc, DateTime? NextUtc,
    string Misfire, bool Late);

public sealed record JobView(string Group, string Name, string? Description, string Type, bool CanTriggerNow, JobRunFacts Runs,
    IReadOnlyList<TriggerView> Triggers, int MoreTriggers);

public sealed record TaskQueueCount(AiTaskStatus Status, int Count);

public sealed record JobsOverview(SchedulerStatus Scheduler, IReadOnlyList<JobView> Jobs, IReadOnlyList<TaskQueueCount> Queue,
    DateTime? OldestQueuedUtc, DateTime ReadUtc);

// What the jobs page shows and does: every job and trigger in the scheduler's store, the runs this node
// saw, and pause / resume / run now on the real scheduler.
public sealed class JobMonitor(ISchedulerFactory schedulers, JobRunLog runs, IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    // AI tasks have one trigger per wake-up; a page with hundreds of them helps nobody.
    public const int TriggersShown = 20;
    private static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(1);

    public async Task<JobsOverview> ReadAsync(CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var jobs = new List<JobView>();
        foreach (var group in (await scheduler.GetJobGroupNames(cancellationToken)).Order())
        {
            foreach (var key in (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(group), cancellationToken)).OrderBy(k => k.Name))
            {
                var detail = await scheduler.GetJobDetail(key, cancellationToken);
                if (detail is null) continue;
                var triggers = await scheduler.GetTriggersOfJob(key, cancellationToken);
                var views = new List<TriggerView>();
                foreach (var trigger in triggers.OrderBy(t => t.NextFireTimeUtc ?? DateTimeOffset.MaxValue).Take(TriggersShown))
                {
                    var state = await scheduler.GetTriggerState(trigger.Key, cancellationToken);
                    var next = trigger.NextFireTimeUtc?.UtcDateTime;
                    views.Add(new TriggerView(trigger.Key.Group, trigger.Key.Name, trigger.Description, state,
                        trigger.PreviousFireTimeUtc?.UtcDateTime, next, MisfireText(trigger),
                        state == TriggerState.Normal && next < now - LateAfter));
                }
                jobs.Add(new JobView(key.Group, key.Name, detail.Description, detail.JobType.Type.Name, !key.Equals(AiTaskJob.Key),
                    runs.Facts(key), views, Math.Max(0, triggers.Count - TriggersShown)));
            }
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await db.AiTasks.GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var queue = Enum.GetValues<AiTaskStatus>().Select(s => new TaskQueueCount(s, counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0)).ToList();
        var oldest = await db.AiTasks.Where(t => t.Status == AiTaskStatus.Queued).MinAsync(t => (DateTime?)t.CreatedUtc, cancellationToken);
        return new JobsOverview(scheduler.Status, jobs, queue, oldest, now);
    }

    public async Task<string?> PauseAsync(string group, string name, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = new TriggerKey(name, group);
        if (await scheduler.GetTrigger(key, cancellationToken) is null) return Gone;
        await scheduler.PauseTrigger(key, cancellationToken);
        return null;
    }

    public async Task<string?> ResumeAsync(string group, string name, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = new TriggerKey(name, group);
        if (await scheduler.GetTrigger(key, cancellationToken) is null) return Gone;
        await scheduler.ResumeTrigger(key, cancellationToken);
        return null;
    }

    // Fires the job once now, beside its schedule (which is not changed).
    public async Task<string?> TriggerNowAsync(string group, string name, CancellationToken cancellationToken = default)
    {
        var key = new JobKey(name, group);
        if (key.Equals(AiTaskJob.Key)) return "AI 任务由任务本身唤醒，不能单独运行。";
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (await scheduler.GetJobDetail(key, cancellationToken) is null) return "找不到这个作业，可能已被删除。";
        await scheduler.TriggerJob(key, cancellationToken);
        return null;
    }

    private const string Gone = "找不到这个触发器，它可能已经结束（一次性的触发器运行后会被删除）。";

    private static string MisfireText(ITrigger trigger) => trigger switch
    {
        ICronTrigger cron => cron.MisfireInstruction switch
        {
            CronTriggerMisfireInstruction.FireAndProceed => "错过后补跑一次",
            CronTriggerMisfireInstruction.DoNothing => "错过后等下一次",
            CronTriggerMisfireInstruction.IgnoreMisfires => "补跑所有错过的",
            _ => "默认（补跑一次）",
        },
        ISimpleTrigger simple => simple.MisfireInstruction switch
        {
            SimpleTriggerMisfireInstruction.FireNow => "错过后立即运行",
            SimpleTriggerMisfireInstruction.NextWithRemainingCount or SimpleTriggerMisfireInstruction.NextWithExistingCount => "错过后等下一次",
            SimpleTriggerMisfireInstruction.NowWithExistingCount or SimpleTriggerMisfireInstruction.NowWithRemainingCount => "错过后立即运行",
            SimpleTriggerMisfireInstruction.IgnoreMisfires => "补跑所有错过的",
            _ => "默认",
        },
        _ => "默认",
    };
}
