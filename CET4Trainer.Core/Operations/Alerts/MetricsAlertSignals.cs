using CET4Trainer.Core.Telemetry.Metrics;

namespace CET4Trainer.Core.Operations.Alerts;

// Request latency, error rate, CPU and AI failures as the in-process metric aggregation sees them.
// Registered after the built-in sources, so its readings win where both answer. Rates become
// percentages, as the rules are written; with no traffic in the window a rate is unknown, not zero.
public sealed class MetricsAlertSignals(MetricsAggregator metrics) : IAlertSignalSource
{
    public IReadOnlyCollection<string> Signals { get; } =
        [AlertSignalNames.LatencyP95Ms, AlertSignalNames.ErrorRate, AlertSignalNames.CpuPercent, AlertSignalNames.AiFailureRate];

    public ValueTask<double?> ReadAsync(string signal, CancellationToken cancellationToken)
    {
        var now = metrics.Snapshot();
        var hasTraffic = now.RequestsPerSecond > 0;
        double? value = signal switch
        {
            AlertSignalNames.LatencyP95Ms => now.Latency.P95Ms,
            AlertSignalNames.ErrorRate => hasTraffic ? now.ErrorRate * 100 : null,
            AlertSignalNames.CpuPercent => now.CpuPercent,
            AlertSignalNames.AiFailureRate => now.Ai.Calls > 0 ? (1 - now.Ai.SuccessRate) * 100 : null,
            _ => null,
        };
        return ValueTask.FromResult(value);
    }
}
