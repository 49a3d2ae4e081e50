using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace CET4Trainer.Core.Telemetry.Metrics;

internal enum SeriesKind
{
    Counter,
    Histogram,
    UpDown,
    Gauge,
    ObservedCounter,
}

// One instrument the aggregator listens to, with a series per distinct tag set.
internal sealed class InstrumentSeries(Instrument instrument, SeriesKind kind, TimeSpan window, int slots, double startedUnix)
{
    // A tag with unbounded values (an id by mistake) must not grow memory without end.
    public const int MaxSeries = 1000;

    private readonly ConcurrentDictionary<string, Series> series = new();

    public Instrument Instrument { get; } = instrument;

    public SeriesKind Kind { get; } = kind;

    public TimeSpan Window { get; } = window;

    public ICollection<Series> All => series.Values;

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, double nowUnix)
    {
        var key = Key(tags);
        if (!series.TryGetValue(key, out var s))
        {
            var labels = Labels(tags);
            if (series.Count >= MaxSeries)
            {
                key = "\u0001overflow";
                labels = [new("overflow", "true")];
            }
            s = series.GetOrAdd(key, _ => new Series(labels, Kind is SeriesKind.Counter or SeriesKind.Histogram
                ? new WindowSeries(Window, slots, Kind == SeriesKind.Histogram, startedUnix)
                : null));
        }
        s.Record(Kind, value, nowUnix, Window.TotalSeconds);
    }

    private static string Key(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0) return "";
        var parts = new string[tags.Length];
        for (var i = 0; i < tags.Length; i++) parts[i] = tags[i].Key + "=" + Text(tags[i].Value);
        Array.Sort(parts, StringComparer.Ordinal);
        return string.Join('\u001f', parts);
    }

    private static KeyValuePair<string, string>[] Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new KeyValuePair<string, string>[tags.Length];
        for (var i = 0; i < tags.Length; i++) labels[i] = new(tags[i].Key, Text(tags[i].Value));
        Array.Sort(labels, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return labels;
    }

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}

internal sealed class Series(KeyValuePair<string, string>[] labels, WindowSeries? window)
{
    private readonly Queue<(double At, double Value)> samples = new();
    private double value;

    public KeyValuePair<string, string>[] Labels { get; } = labels;

    public WindowSeries? Window { get; } = window;

    public string? Tag(string key)
    {
        foreach (var label in Labels)
        {
            if (label.Key == key) return label.Value;
        }
        return null;
    }

    public double Value
    {
        get { lock (samples) return value; }
    }

    public void Record(SeriesKind kind, double measurement, double nowUnix, double windowSeconds)
    {
        if (Window is not null)
        {
            Window.Record(measurement, nowUnix);
            return;
        }
        lock (samples)
        {
            switch (kind)
            {
                case SeriesKind.UpDown:
                    value += measurement;
                    break;
                case SeriesKind.ObservedCounter:
                    value = measurement;
                    samples.Enqueue((nowUnix, measurement));
                    while (samples.Count > 2 && samples.Peek().At < nowUnix - windowSeconds) samples.Dequeue();
                    break;
                default:
                    value = measurement;
                    break;
            }
        }
    }

    // Growth per second of an observed cumulative value between the oldest and newest sample in the window.
    public double ObservedRate()
    {
        lock (samples)
        {
            if (samples.Count < 2) return 0;
            var first = samples.Peek();
            var last = (At: 0.0, Value: 0.0);
            foreach (var s in samples) last = s;
            return last.At <= first.At ? 0 : Math.Max(0, (last.Value - first.Value) / (last.At - first.At));
        }
    }
}
