using System.Diagnostics.Metrics;

namespace CET4Trainer.Core.Ai;

// The AI engine's instruments (meter "CET4Trainer.Ai"). Tags carry provider, operation and outcome
// names only: never a key, a user or a prompt.
public sealed class AiMetrics
{
    public const string MeterName = "CET4Trainer.Ai";
    public const string CallsName = "cet4.ai.calls";
    public const string DurationName = "cet4.ai.call.duration";
    public const string TokensName = "cet4.ai.tokens";
    public const string CostName = "cet4.ai.cost";
    public const string FallbacksName = "cet4.ai.fallbacks";
    public const string CacheHitsName = "cet4.ai.explanation_cache.hits";
    public const string CacheMissesName = "cet4.ai.explanation_cache.misses";

    private readonly Counter<long> calls;
    private readonly Histogram<double> duration;
    private readonly Counter<long> tokens;
    private readonly Counter<double> cost;
    private readonly Counter<long> fallbacks;
    private readonly Counter<long> cacheHits;
    private readonly Counter<long> cacheMisses;
    private readonly Counter<long> tasksFinished;

    public AiMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        calls = Meter.CreateCounter<long>(CallsName, "{call}", "AI calls by engine, operation and outcome");
        duration = Meter.CreateHistogram<double>(DurationName, "ms", "Latency of AI calls including retries");
        tokens = Meter.CreateCounter<long>(TokensName, "{token}", "Tokens sent and received");
        cost = Meter.CreateCounter<double>(CostName, "{currency}", "Cost of AI calls at the configured prices");
        fallbacks = Meter.CreateCounter<long>(FallbacksName, "{fallback}", "Calls passed on from a failing provider to the next engine");
        cacheHits = Meter.CreateCounter<long>(CacheHitsName, "{hit}", "Explanations served from the cache");
        cacheMisses = Meter.CreateCounter<long>(CacheMissesName, "{miss}", "Explanations that had to be generated");
        tasksFinished = Meter.CreateCounter<long>("cet4.ai.tasks.finished", "{task}", "AI tasks that reached a final state");
    }

    public Meter Meter { get; }

    public void Call(string engine, string operation, string outcome, double milliseconds, int inputTokens, int outputTokens, decimal callCost)
    {
        var engineTag = new KeyValuePair<string, object?>("engine", engine);
        calls.Add(1, engineTag, new("operation", operation), new("outcome", outcome));
        duration.Record(milliseconds, engineTag, new("operation", operation));
        if (inputTokens > 0) tokens.Add(inputTokens, engineTag, new("direction", "input"));
        if (outputTokens > 0) tokens.Add(outputTokens, engineTag, new("direction", "output"));
        if (callCost > 0) cost.Add((double)callCost, engineTag);
    }

    public void Fallback(string from, string to) => fallbacks.Add(1, new("from", from), new("to", to));

    public void ExplanationCache(bool hit)
    {
        if (hit) cacheHits.Add(1);
        else cacheMisses.Add(1);
    }

    public void TaskFinished(string status) => tasksFinished.Add(1, new KeyValuePair<string, object?>("status", status));
}
