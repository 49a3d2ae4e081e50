using Quartz;

namespace CET4Trainer.Core.Operations.Alerts;

[DisallowConcurrentExecution]
public sealed class AlertEvaluationJob(AlertEvaluator evaluator) : IJob
{
    public static readonly JobKey Key = new("alert-evaluation", "operations");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await evaluator.EvaluateAsync(cancellationToken);
}
