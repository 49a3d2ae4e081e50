namespace CET4Trainer.Core.Telemetry.Metrics;

public enum MetricType
{
    Counter,
    Gauge,
    Summary,
}

// One series of an instrument. Counters and gauges carry Value; summaries carry window quantiles
// and the running count and sum.
public sealed record MetricSample(IReadOnlyList<KeyValuePair<string, string>> Labels, double Value,
    IReadOnlyList<KeyValuePair<double, double>>? Quantiles = null, long Count = 0, double Sum = 0);

public sealed record MetricFamily(string Meter, string Name, string? Unit, string? Description, MetricType Type, IReadOnlyList<MetricSample> Samples);
