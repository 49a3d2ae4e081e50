using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using Polly;
using Polly.CircuitBreaker;

namespace CET4Trainer.Core.Ai.Engine;

public enum AiCircuitState
{
    Closed = 0,
    Open = 1,
    HalfOpen = 2,
}

// One configured provider: its chat client (the OpenAI SDK with its own retries off: the pipeline
// retries), its Polly pipeline and the state of its circuit breaker. The key stays in the SDK's
// credential and is not exposed.
public sealed class AiProvider : IDisposable
{
    // Local servers (Ollama, vLLM) take no key, but the SDK wants a non-empty one.
    private const string NoKey = "no-key";

    private readonly CircuitBreakerStateProvider breaker;
    private readonly string apiKey;
    private readonly TimeProvider time;
    private long blockedUntilTicks;

    internal AiProvider(AiProviderOptions options, AiOptions all, TimeProvider time, IAiPipelineEvents events)
    {
        this.time = time;
        Name = options.Name;
        Model = options.Model;
        Host = new Uri(options.BaseUrl).Authority;
        InputPricePerMillionTokens = options.InputPricePerMillionTokens;
        OutputPricePerMillionTokens = options.OutputPricePerMillionTokens;
        TimeoutSeconds = options.TimeoutSeconds;
        apiKey = options.ApiKey;
        var client = new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? NoKey : options.ApiKey), new OpenAIClientOptions
        {
            Endpoint = new Uri(options.BaseUrl),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            // Slightly longer than the pipeline's attempt timeout, which should be the one that fires;
            // while a stream is read it bounds the wait for each next chunk.
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds + 1),
        });
        Client = client.GetChatClient(options.Model).AsIChatClient();
        breaker = new CircuitBreakerStateProvider();
        Pipeline = AiPipelineFactory.Build(options, all, breaker, time, new Events(this, events));
    }

    public string Name { get; }
    public string Model { get; }

    // Host and port of the base URL: enough to tell providers apart on a page, nothing secret.
    public string Host { get; }

    public decimal InputPricePerMillionTokens { get; }
    public decimal OutputPricePerMillionTokens { get; }
    public int TimeoutSeconds { get; }

    internal IChatClient Client { get; }
    internal ResiliencePipeline Pipeline { get; }

    // Polly leaves an open circuit Open until the next call arrives after the break; by then that call
    // is let through as the probe. So once the break is over the circuit counts as half-open, and the
    // gateway sends the next call instead of skipping the provider forever.
    public AiCircuitState Circuit => breaker.CircuitState switch
    {
        CircuitState.Isolated => AiCircuitState.Open,
        CircuitState.Open => time.GetUtcNow().UtcTicks >= Interlocked.Read(ref blockedUntilTicks) ? AiCircuitState.HalfOpen : AiCircuitState.Open,
        CircuitState.HalfOpen => AiCircuitState.HalfOpen,
        _ => AiCircuitState.Closed,
    };

    public decimal CostOf(int inputTokens, int outputTokens) =>
        (inputTokens * InputPricePerMillionTokens + outputTokens * OutputPricePerMillionTokens) / 1_000_000m;

    // Defence in depth for anything that ends up in a record or a log: a key can never be written out.
    internal string Scrub(string text) =>
        apiKey.Length >= 4 ? text.Replace(apiKey, "***", StringComparison.Ordinal) : text;

    public void Dispose() => Client.Dispose();

    private sealed class Events(AiProvider provider, IAiPipelineEvents inner) : IAiPipelineEvents
    {
        public void Retrying(string name, AiFailure failure, TimeSpan delay, int attempt) => inner.Retrying(name, failure, delay, attempt);

        public void Opened(string name, TimeSpan breakDuration, string reason)
        {
            Interlocked.Exchange(ref provider.blockedUntilTicks, (provider.time.GetUtcNow() + breakDuration).UtcTicks);
            inner.Opened(name, breakDuration, reason);
        }

        public void Closed(string name) => inner.Closed(name);
    }
}
