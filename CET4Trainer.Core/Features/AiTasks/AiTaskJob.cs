using Quartz;

namespace CET4Trainer.Core.Features.AiTasks;

// Thin adapter: a trigger names a task, the runner does the rest.
public sealed class AiTaskJob(AiTaskRunner runner) : IJob
{
    public static readonly JobKey Key = new("ai-task", AiTaskScheduler.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(context.MergedJobDataMap.GetString(AiTaskScheduler.TaskIdKey), out var taskId))
        {
            await runner.RunAsync(taskId, cancellationToken);
        }
    }
}

public sealed class AiTaskReconcileJob(AiTaskRunner runner) : IJob
{
    public static readonly JobKey Key = new("ai-task-reconcile", AiTaskScheduler.Group + "-maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await runner.ReconcileAsync(cancellationToken);
}
