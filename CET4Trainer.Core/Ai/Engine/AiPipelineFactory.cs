using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Simmy;
using Polly.Simmy.Fault;
using Polly.Simmy.Latency;

namespace CET4Trainer.Core.Ai.Engine;

// What the pipeline reports back about one execution (read by the gateway through the context).
internal sealed class AiAttemptLog
{
    public int Retries;
}

internal interface IAiPipelineEvents
{
    void Retrying(string provider, AiFailure failure, TimeSpan delay, int attempt);
    void Opened(string provider, TimeSpan breakDuration, string reason);
    void Closed(string provider);
}

// Builds one provider's Polly pipeline, outermost first:
//   retry (transient only, backoff with jitter, Retry-After honoured up to a cap)
//   -> concurrency limit (per attempt, so a call waiting out a backoff holds no slot)
//   -> circuit breaker (counts every attempt)
//   -> attempt timeout
//   -> chaos latency and faults (only with Ai:Chaos:Enabled), innermost so they look like the provider's own.
internal static class AiPipelineFactory
{
    public static readonly ResiliencePropertyKey<AiAttemptLog> Log = new("cet4.ai.attempt");

    public static ResiliencePipeline Build(AiProviderOptions provider, AiOptions options, CircuitBreakerStateProvider breakerState,
        TimeProvider time, IAiPipelineEvents events)
    {
        var resilience = options.Resilience;
        var maxRetryAfter = TimeSpan.FromSeconds(resilience.MaxRetryAfterSeconds);
        var builder = new ResiliencePipelineBuilder { Name = $"ai:{provider.Name}", TimeProvider = time };

        if (resilience.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = resilience.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(resilience.BaseDelayMilliseconds),
                MaxDelay = TimeSpan.FromSeconds(Math.Max(30, resilience.MaxRetryAfterSeconds)),
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } ex && AiFailures.Classify(ex, args.Context.CancellationToken.IsCancellationRequested).ShouldRetry(maxRetryAfter)),
                // The provider's own Retry-After wins over our backoff; null keeps the backoff.
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } ex ? AiFailures.Classify(ex).RetryAfter : null),
                OnRetry = args =>
                {
                    if (args.Context.Properties.TryGetValue(Log, out var log)) Interlocked.Increment(ref log.Retries);
                    if (args.Outcome.Exception is { } ex) events.Retrying(provider.Name, AiFailures.Classify(ex), args.RetryDelay, args.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddConcurrencyLimiter(provider.MaxConcurrency, resilience.QueueLimit);

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = resilience.BreakerFailureRatio,
            MinimumThroughput = resilience.BreakerMinimumThroughput,
            SamplingDuration = TimeSpan.FromSeconds(resilience.BreakerSamplingSeconds),
            BreakDuration = TimeSpan.FromSeconds(resilience.BreakerBreakSeconds),
            StateProvider = breakerState,
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Exception is { } ex && AiFailures.Classify(ex, args.Context.CancellationToken.IsCancellationRequested).CountsAgainstProvider),
            OnOpened = args =>
            {
                events.Opened(provider.Name, args.BreakDuration, args.Outcome.Exception is { } ex ? AiFailures.Classify(ex).Reason : "");
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                events.Closed(provider.Name);
                return ValueTask.CompletedTask;
            },
        });

        builder.AddTimeout(TimeSpan.FromSeconds(provider.TimeoutSeconds));

        var chaos = options.Chaos;
        if (chaos.Enabled)
        {
            if (chaos.LatencyRate > 0) builder.AddChaosLatency(new ChaosLatencyStrategyOptions
            {
                InjectionRate = chaos.LatencyRate, Latency = TimeSpan.FromMilliseconds(chaos.LatencyMilliseconds),
            });
            if (chaos.FaultRate > 0) builder.AddChaosFault(new ChaosFaultStrategyOptions
            {
                InjectionRate = chaos.FaultRate, FaultGenerator = _ => ValueTask.FromResult<Exception?>(new AiChaosException()),
            });
        }
        return builder.Build();
    }
}
