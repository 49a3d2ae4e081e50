using System.ComponentModel.DataAnnotations;

namespace CET4Trainer.Core.Ai;

public sealed class AiOptions
{
    public const string Section = "Ai";

    // Tried in order; an empty list means the built-in offline engine answers everything.
    public List<AiProviderOptions> Providers { get; set; } = [];

    public AiResilienceOptions Resilience { get; set; } = new();
    public AiChaosOptions Chaos { get; set; } = new();
    public AiLimitOptions Limits { get; set; } = new();
    public AiTaskOptions Tasks { get; set; } = new();
}

public sealed class AiProviderOptions
{
    public string Name { get; set; } = "";

    // The address the chat/completions path is appended to, e.g. https://api.deepseek.com/v1.
    public string BaseUrl { get; set; } = "";
    public string Model { get; set; } = "";

    // Never logged or shown; usually supplied as Ai__Providers__0__ApiKey.
    public string ApiKey { get; set; } = "";

    public decimal InputPricePerMillionTokens { get; set; }
    public decimal OutputPricePerMillionTokens { get; set; }

    [Range(1, 256)]
    public int MaxConcurrency { get; set; } = 4;

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;
}

// One pipeline per provider is built from these (docs/decisions/0015-ai-provider-chain.md).
public sealed class AiResilienceOptions
{
    public int MaxRetries { get; set; } = 3;
    public int BaseDelayMilliseconds { get; set; } = 500;

    // A Retry-After longer than this is not waited for: the next provider is tried instead.
    public int MaxRetryAfterSeconds { get; set; } = 30;

    public double BreakerFailureRatio { get; set; } = 0.5;
    public int BreakerMinimumThroughput { get; set; } = 4;
    public int BreakerSamplingSeconds { get; set; } = 30;
    public int BreakerBreakSeconds { get; set; } = 30;

    // Calls waiting for a free slot beyond MaxConcurrency; more are refused and the next provider is tried.
    public int QueueLimit { get; set; } = 64;
}

// Fault drills: injected failures and latency in front of every provider. Off unless Enabled.
public sealed class AiChaosOptions
{
    public bool Enabled { get; set; }
    public double FaultRate { get; set; }
    public double LatencyRate { get; set; }
    public int LatencyMilliseconds { get; set; } = 2000;
}

public sealed class AiLimitOptions
{
    // Interactive AI requests (explanations, Feynman turns, essay grading, study plans) a user may make per minute.
    public int RequestsPerUserPerMinute { get; set; } = 10;

    // AI tasks a user may start per hour.
    public int TasksPerUserPerHour { get; set; } = 30;

    // Spending a teacher's AI work may reach in one day (in the currency of the provider prices); 0 = no limit.
    public decimal DailyCostBudgetPerTeacher { get; set; } = 5m;
}

public sealed class AiTaskOptions
{
    // AI tasks running at once on this node; the rest wait in the queue.
    public int MaxRunning { get; set; } = 2;

    // Attempts of a whole task before it is Failed; between attempts the wait doubles from RetryDelaySeconds.
    public int MaxAttempts { get; set; } = 3;
    public int RetryDelaySeconds { get; set; } = 5;

    // A running task renews its lease while it works; a lease left to expire (a killed node) is taken over.
    public int LeaseSeconds { get; set; } = 30;

    // How often queued tasks without a scheduler trigger are looked for.
    public int ReconcileSeconds { get; set; } = 60;
}
