using System.Globalization;

namespace CET4Trainer.Core.Telemetry.Metrics;

public sealed partial class MetricsAggregator
{
    public const string RequestDuration = "http.server.request.duration";

    // The Blazor hub's WebSocket request lasts as long as the circuit; it is listed by route but kept
    // out of the overall latency, where it would read as minutes-long requests.
    private const string BlazorHub = "/_blazor";

    public SystemSnapshot Snapshot()
    {
        Observe();
        var now = NowUnix();
        var requests = Requests(now);
        var allBuckets = new SortedDictionary<int, long>();
        long count = 0, errors = 0;
        double covered = Window.TotalSeconds;
        foreach (var series in SeriesOf(RequestDuration))
        {
            if (series.Tag("http.route") == BlazorHub) continue;
            var reading = series.Window!.Read(now, allBuckets);
            count += reading.Count;
            covered = reading.CoveredSeconds;
            if (IsServerError(series)) errors += reading.Count;
        }
        var cpuCount = Math.Max(1, Environment.ProcessorCount);
        var gcHeap = GaugeSum("dotnet.gc.last_collection.heap.size");
        var workingSet = GaugeSum("dotnet.process.memory.working_set");
        return new SystemSnapshot(
            clock.GetUtcNow().UtcDateTime,
            Window.TotalSeconds,
            count / covered,
            Percentiles(allBuckets, count, 1000),
            count == 0 ? 0 : (double)errors / count,
            (long)GaugeSum("http.server.active_requests"),
            (long)GaugeSum("aspnetcore.components.circuit.active"),
            (long)GaugeSum(ActiveUsers.InstrumentName),
            (long)GaugeSum("kestrel.active_connections"),
            (long)GaugeSum("signalr.server.active_connections"),
            Math.Min(100, Rate("dotnet.process.cpu.time", now) / cpuCount * 100),
            workingSet > 0 ? (long)workingSet : Environment.WorkingSet,
            gcHeap > 0 ? (long)gcHeap : GC.GetTotalMemory(forceFullCollection: false),
            (long)GaugeSum("dotnet.gc.collections", "gc.heap.generation", "gen0"),
            (long)GaugeSum("dotnet.gc.collections", "gc.heap.generation", "gen1"),
            (long)GaugeSum("dotnet.gc.collections", "gc.heap.generation", "gen2"),
            (long)GaugeSum("dotnet.thread_pool.queue.length"),
            (long)GaugeSum("dotnet.thread_pool.thread.count"),
            Rate("microsoft.entityframeworkcore.queries", now),
            Rate(PracticeMetrics.AnswersName, now) * 60,
            TasksByState(),
            Ai(now),
            requests);
    }

    private List<RouteFigures> Requests(double now) =>
        SeriesOf(RequestDuration)
            .GroupBy(s => (Method: s.Tag("http.request.method") ?? "", Route: s.Tag("http.route") ?? ""))
            .Select(g =>
            {
                var buckets = new SortedDictionary<int, long>();
                long count = 0, errors = 0;
                double covered = Window.TotalSeconds;
                foreach (var series in g)
                {
                    var reading = series.Window!.Read(now, buckets);
                    count += reading.Count;
                    covered = reading.CoveredSeconds;
                    if (IsServerError(series)) errors += reading.Count;
                }
                var route = g.Key.Route.Length == 0 ? "（未匹配的地址）" : g.Key.Route;
                return new RouteFigures(g.Key.Method, route, count, count / covered, errors, count == 0 ? 0 : (double)errors / count,
                    Percentiles(buckets, count, 1000));
            })
            .Where(r => r.Requests > 0)
            .OrderByDescending(r => r.Requests)
            .ThenBy(r => r.Route, StringComparer.Ordinal)
            .ToList();

    private static bool IsServerError(Series series) =>
        int.TryParse(series.Tag("http.response.status_code"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var status) && status >= 500;

    private AiFigures Ai(double now)
    {
        var engines = new Dictionary<string, (long Calls, long Successes, long Total)>();
        foreach (var series in SeriesOf(Core.Ai.AiMetrics.CallsName))
        {
            var engine = series.Tag("engine") ?? "";
            var reading = series.Window!.Read(now);
            var success = series.Tag("outcome") == nameof(Core.Ai.Recording.AiOutcome.Success) ? reading.Sum : 0;
            var (calls, successes, total) = engines.GetValueOrDefault(engine);
            engines[engine] = (calls + (long)reading.Sum, successes + (long)success, total + (long)reading.TotalSum);
        }
        var figures = engines.Select(e =>
        {
            var buckets = new SortedDictionary<int, long>();
            long count = 0;
            foreach (var series in SeriesOf(Core.Ai.AiMetrics.DurationName).Where(s => s.Tag("engine") == e.Key))
                count += series.Window!.Read(now, buckets).Count;
            return new AiEngineFigures(e.Key, e.Value.Calls, e.Value.Successes, Percentiles(buckets, count, 1),
                e.Value.Total,
                (long)CounterTotal(Core.Ai.AiMetrics.TokensName, e.Key, "input"),
                (long)CounterTotal(Core.Ai.AiMetrics.TokensName, e.Key, "output"),
                CounterTotal(Core.Ai.AiMetrics.CostName, e.Key, null));
        }).OrderByDescending(f => f.CallsSinceStart).ThenBy(f => f.Engine, StringComparer.Ordinal).ToList();
        return new AiFigures(AiWindow.TotalMinutes, figures,
            (long)SeriesOf(Core.Ai.AiMetrics.FallbacksName).Sum(s => s.Window!.Read(now).TotalSum),
            (long)SeriesOf(Core.Ai.AiMetrics.CacheHitsName).Sum(s => s.Window!.Read(now).TotalSum),
            (long)SeriesOf(Core.Ai.AiMetrics.CacheMissesName).Sum(s => s.Window!.Read(now).TotalSum));
    }

    private double CounterTotal(string name, string engine, string? direction) =>
        SeriesOf(name)
            .Where(s => s.Tag("engine") == engine && (direction is null || s.Tag("direction") == direction))
            .Sum(s => s.Window!.Read(NowUnix()).TotalSum);

    private Dictionary<string, long> TasksByState() =>
        SeriesOf(AiTaskMetrics.InstrumentName)
            .GroupBy(s => s.Tag("status") ?? "")
            .ToDictionary(g => g.Key, g => (long)g.Sum(s => s.Value));

    // `scale` turns the recorded unit into milliseconds (HTTP durations are in seconds).
    private static Latency Percentiles(SortedDictionary<int, long> buckets, long count, double scale) =>
        count == 0
            ? Latency.None
            : new Latency(LogBuckets.Quantile(buckets, count, 0.50) * scale, LogBuckets.Quantile(buckets, count, 0.95) * scale,
                LogBuckets.Quantile(buckets, count, 0.99) * scale);

    // Sum of the last values of a gauge or up-down counter, optionally of one tag value only.
    private double GaugeSum(string name, string? tag = null, string? value = null) =>
        SeriesOf(name).Where(s => tag is null || s.Tag(tag) == value).Sum(s => s.Window is null ? s.Value : s.Window.Read(NowUnix()).TotalSum);

    // Per-second growth of a counter, whether it is pushed (window) or observed (cumulative samples).
    private double Rate(string name, double now) =>
        SeriesOf(name).Sum(s => s.Window is null ? s.ObservedRate() : s.Window.Read(now).SumPerSecond);
}
