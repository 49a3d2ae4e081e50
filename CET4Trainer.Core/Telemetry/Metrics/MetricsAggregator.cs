using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Core.Telemetry.Metrics;

// Listens in-process to the framework's meters and the app's own, and keeps per series what the admin
// pages, /metrics and the snapshot job read: counter rates and histogram percentiles over a sliding
// window, gauges as last value (docs/decisions/0022-metric-aggregation.md).
public sealed partial class MetricsAggregator : IDisposable
{
    private static readonly HashSet<string> FrameworkMeters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.SignalR",
        "Microsoft.AspNetCore.Components",
        "Microsoft.AspNetCore.Components.Server.Circuits",
        "System.Runtime",
        "Microsoft.EntityFrameworkCore",
    ];

    public const string AppMeterPrefix = "CET4Trainer.";

    private readonly MeterListener listener = new();
    private readonly IMeterFactory meters;
    private readonly TimeProvider clock;
    private readonly MetricsOptions options;
    private readonly double startedUnix;
    private readonly ConcurrentDictionary<Instrument, InstrumentSeries> instruments = new();
    private readonly Lock collecting = new();

    public MetricsAggregator(IMeterFactory meters, TimeProvider clock, IOptions<MetricsOptions> options)
    {
        this.meters = meters;
        this.clock = clock;
        this.options = options.Value;
        startedUnix = NowUnix();
        listener.InstrumentPublished = Publish;
        listener.MeasurementsCompleted = (instrument, _) => instruments.TryRemove(instrument, out InstrumentSeries? _);
        listener.SetMeasurementEventCallback<double>((i, v, t, s) => Record(s, v, t));
        listener.SetMeasurementEventCallback<float>((i, v, t, s) => Record(s, v, t));
        listener.SetMeasurementEventCallback<long>((i, v, t, s) => Record(s, v, t));
        listener.SetMeasurementEventCallback<int>((i, v, t, s) => Record(s, v, t));
        listener.SetMeasurementEventCallback<short>((i, v, t, s) => Record(s, v, t));
        listener.SetMeasurementEventCallback<byte>((i, v, t, s) => Record(s, v, t));
        listener.SetMeasurementEventCallback<decimal>((i, v, t, s) => Record(s, (double)v, t));
        listener.Start();
    }

    public TimeSpan Window => TimeSpan.FromSeconds(options.WindowSeconds);

    public TimeSpan AiWindow => TimeSpan.FromMinutes(options.AiWindowMinutes);

    private void Publish(Instrument instrument, MeterListener source)
    {
        var meter = instrument.Meter;
        if (!FrameworkMeters.Contains(meter.Name) && !meter.Name.StartsWith(AppMeterPrefix, StringComparison.Ordinal)) return;
        // Meters made by another host's factory (several apps in one test process) belong to that host.
        if (meter.Scope is not null && !ReferenceEquals(meter.Scope, meters)) return;
        var kind = instrument switch
        {
            Histogram<double> or Histogram<long> or Histogram<int> or Histogram<float> => SeriesKind.Histogram,
            Counter<double> or Counter<long> or Counter<int> or Counter<float> or Counter<decimal> => SeriesKind.Counter,
            UpDownCounter<double> or UpDownCounter<long> or UpDownCounter<int> => SeriesKind.UpDown,
            _ when instrument.GetType().Name.StartsWith("ObservableCounter", StringComparison.Ordinal) => SeriesKind.ObservedCounter,
            _ => SeriesKind.Gauge,
        };
        var ai = meter.Name == Core.Ai.AiMetrics.MeterName;
        var window = ai ? AiWindow : Window;
        var slots = ai ? options.AiWindowMinutes : 12;
        var state = instruments.GetOrAdd(instrument, i => new InstrumentSeries(i, kind, window, slots, startedUnix));
        source.EnableMeasurementEvents(instrument, state);
    }

    private void Record(object? state, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (state is InstrumentSeries series) series.Record(value, tags, NowUnix());
    }

    private double NowUnix() => clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    // Observable instruments (runtime, gauges) report only when asked; ask once per reading.
    private void Observe()
    {
        lock (collecting) listener.RecordObservableInstruments();
    }

    private IEnumerable<InstrumentSeries> Named(string name) => instruments.Values.Where(i => i.Instrument.Name == name);

    private IEnumerable<Series> SeriesOf(string name) => Named(name).SelectMany(i => i.All);

    public void Dispose() => listener.Dispose();
}
