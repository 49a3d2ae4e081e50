using Quartz;

namespace CET4Trainer.Core.Operations.Retention;

[DisallowConcurrentExecution]
public sealed class RetentionJob(RetentionService retention) : IJob
{
    public static readonly JobKey Key = new("retention", "maintenance");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await retention.RunAsync(cancellationToken);
}
