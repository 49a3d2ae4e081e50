using System.Collections.Concurrent;
using Quartz;

namespace CET4Trainer.Core.Features.AiTasks;

// The scheduler side of AI tasks: one-shot Quartz triggers (persisted, so they survive a restart) that
// wake a task up, and the cancellation sources of the attempts running on this node.
public sealed class AiTaskScheduler(ISchedulerFactory schedulers)
{
    public const string Group = "ai-tasks";
    public const string TaskIdKey = "taskId";

    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> running = new();

    public async Task ScheduleAsync(Guid taskId, DateTime atUtc, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        // A fresh key each time: a task may be woken while an earlier trigger is still firing; the claim
        // in the runner makes extra wake-ups harmless.
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"{taskId:N}.{Guid.NewGuid():N}", Group)
            .ForJob(AiTaskJob.Key)
            .UsingJobData(TaskIdKey, taskId.ToString())
            .StartAt(atUtc <= DateTime.UtcNow ? DateTimeOffset.UtcNow : new DateTimeOffset(atUtc, TimeSpan.Zero))
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), cancellationToken);
    }

    // Tasks that have a trigger waiting or firing now.
    public async Task<HashSet<Guid>> TasksWithTriggersAsync(CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var keys = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Group), cancellationToken);
        var ids = new HashSet<Guid>();
        foreach (var key in keys)
        {
            var dot = key.Name.IndexOf('.');
            if (dot > 0 && Guid.TryParseExact(key.Name[..dot], "N", out var id)) ids.Add(id);
        }
        return ids;
    }

    internal void Register(Guid taskId, CancellationTokenSource cancel) => running[taskId] = cancel;

    internal void Unregister(Guid taskId) => running.TryRemove(taskId, out _);

    public int RunningHere => running.Count;

    // Cancels the running attempt on this node at once; other nodes see CancelRequested at their next lease renewal.
    public void SignalCancel(Guid taskId)
    {
        if (running.TryGetValue(taskId, out var cancel))
        {
            try
            {
                cancel.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The attempt ended in the meantime.
            }
        }
    }
}
