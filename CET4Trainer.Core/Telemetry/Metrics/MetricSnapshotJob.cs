using Quartz;

namespace CET4Trainer.Core.Telemetry.Metrics;

// Writes one snapshot row per interval for the history charts.
[DisallowConcurrentExecution]
public sealed class MetricSnapshotJob(MetricsAggregator metrics, AiTaskMetrics tasks, MetricHistory history) : IJob
{
    public static readonly JobKey Key = new("metric-snapshot", "telemetry");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await tasks.RefreshAsync(cancellationToken);
        await history.SaveAsync(metrics.Snapshot(), cancellationToken);
    }
}
