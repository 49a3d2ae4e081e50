namespace CET4Trainer.Core.Telemetry.Metrics;

public sealed partial class MetricsAggregator
{
    private static readonly double[] Quantiles = [0.5, 0.95, 0.99];

    // Every listened series as it stands now, for the Prometheus endpoint.
    public IReadOnlyList<MetricFamily> Families()
    {
        Observe();
        var now = NowUnix();
        return instruments.Values
            .OrderBy(i => i.Instrument.Name, StringComparer.Ordinal)
            .Select(i => new MetricFamily(i.Instrument.Meter.Name, i.Instrument.Name, i.Instrument.Unit, i.Instrument.Description, TypeOf(i.Kind),
                i.All.Select(s => Sample(i.Kind, s, now)).ToList()))
            .Where(f => f.Samples.Count > 0)
            .ToList();
    }

    private static MetricType TypeOf(SeriesKind kind) => kind switch
    {
        SeriesKind.Counter or SeriesKind.ObservedCounter => MetricType.Counter,
        SeriesKind.Histogram => MetricType.Summary,
        _ => MetricType.Gauge,
    };

    private static MetricSample Sample(SeriesKind kind, Series series, double now)
    {
        if (kind == SeriesKind.Histogram)
        {
            var buckets = new SortedDictionary<int, long>();
            var reading = series.Window!.Read(now, buckets);
            var quantiles = Quantiles.Select(q => new KeyValuePair<double, double>(q, LogBuckets.Quantile(buckets, reading.Count, q))).ToList();
            return new MetricSample(series.Labels, 0, quantiles, reading.TotalCount, reading.TotalSum);
        }
        var value = series.Window is null ? series.Value : series.Window.Read(now).TotalSum;
        return new MetricSample(series.Labels, value);
    }
}
