using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Core.Ai.Engine;

public sealed record AiProviderStatus(string Name, string Model, string Host, AiCircuitState Circuit);

// The providers of Ai:Providers in their configured order, built once at start-up (a change to
// the list takes effect on restart). Publishes each circuit's state as the gauge cet4.ai.circuit.state.
public sealed partial class AiProviderChain : IDisposable, IAiPipelineEvents
{
    private readonly ILogger<AiProviderChain> log;

    public AiProviderChain(IOptions<AiOptions> options, AiMetrics metrics, ILogger<AiProviderChain> log)
    {
        this.log = log;
        var all = options.Value;
        Providers = all.Providers.Select(p => new AiProvider(p, all, TimeProvider.System, this)).ToList();
        metrics.Meter.CreateObservableGauge("cet4.ai.circuit.state",
            () => Providers.Select(p => new Measurement<int>((int)p.Circuit, new KeyValuePair<string, object?>("provider", p.Name))),
            unit: "{state}", description: "Circuit breaker state per AI provider: 0 closed, 1 open, 2 half-open");
    }

    public IReadOnlyList<AiProvider> Providers { get; }

    public IReadOnlyList<AiProviderStatus> Status() =>
        Providers.Select(p => new AiProviderStatus(p.Name, p.Model, p.Host, p.Circuit)).ToList();

    void IAiPipelineEvents.Retrying(string provider, AiFailure failure, TimeSpan delay, int attempt) =>
        LogRetry(provider, attempt, (long)delay.TotalMilliseconds, failure.Reason);

    void IAiPipelineEvents.Opened(string provider, TimeSpan breakDuration, string reason) => LogOpened(provider, breakDuration.TotalSeconds, reason);

    void IAiPipelineEvents.Closed(string provider) => LogClosed(provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "AI provider {Provider}: attempt {Attempt} in {DelayMs} ms after {Reason}")]
    private partial void LogRetry(string provider, int attempt, long delayMs, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AI provider {Provider}: circuit opened for {BreakSeconds} s after {Reason}; calls go to the next engine")]
    private partial void LogOpened(string provider, double breakSeconds, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "AI provider {Provider}: circuit closed, the provider answers again")]
    private partial void LogClosed(string provider);

    public void Dispose()
    {
        foreach (var provider in Providers) provider.Dispose();
    }
}
