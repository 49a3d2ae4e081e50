namespace CET4Trainer.Core.Telemetry.Metrics;

// Percentiles are null when the window saw no measurement.
public sealed record Latency(double? P50Ms, double? P95Ms, double? P99Ms)
{
    public static readonly Latency None = new(null, null, null);
}

public sealed record RouteFigures(string Method, string Route, long Requests, double RequestsPerSecond, long ServerErrors, double ErrorRate, Latency Latency);

// Window figures (calls, successes, latency) cover the AI window; tokens and cost count since start-up.
public sealed record AiEngineFigures(string Engine, long Calls, long Successes, Latency Latency, long CallsSinceStart, long InputTokens, long OutputTokens, double Cost)
{
    public double SuccessRate => Calls == 0 ? 0 : (double)Successes / Calls;
}

public sealed record AiFigures(double WindowMinutes, IReadOnlyList<AiEngineFigures> Engines, long Fallbacks, long CacheHits, long CacheMisses)
{
    public long Calls => Engines.Sum(e => e.Calls);

    public double SuccessRate => Calls == 0 ? 0 : (double)Engines.Sum(e => e.Successes) / Calls;

    public double? CacheHitRate => CacheHits + CacheMisses == 0 ? null : (double)CacheHits / (CacheHits + CacheMisses);
}

// One reading of the whole system, for the live pages, the snapshot job and alert rules.
public sealed record SystemSnapshot(
    DateTime AtUtc,
    double WindowSeconds,
    double RequestsPerSecond,
    Latency Latency,
    double ErrorRate,
    long ActiveRequests,
    long ActiveCircuits,
    long ActiveUsers,
    long ActiveConnections,
    long SignalRConnections,
    double CpuPercent,
    long WorkingSetBytes,
    long GcHeapBytes,
    long Gen0Collections,
    long Gen1Collections,
    long Gen2Collections,
    long ThreadPoolQueueLength,
    long ThreadPoolThreads,
    double DbQueriesPerSecond,
    double AnswersPerMinute,
    IReadOnlyDictionary<string, long> TasksByState,
    AiFigures Ai,
    IReadOnlyList<RouteFigures> Routes)
{
    public long TaskQueueDepth => TasksByState.GetValueOrDefault("Queued");
}
