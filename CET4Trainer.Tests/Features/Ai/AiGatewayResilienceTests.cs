using System.Diagnostics.Metrics;
using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Ai.Engine;
using CET4Trainer.Core.Ai.Recording;
using CET4Trainer.Tests.TestSupport;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CET4Trainer.Tests.Features.Ai;

// Each provider's Polly pipeline against the fake: Retry-After, permanent errors, the breaker, the concurrency limit.
public sealed class AiGatewayResilienceTests
{
    private static readonly WordQuestion Question = new("abandon");
    private static readonly WordAnswer Good = new("放弃", 2, null);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RetryAfter_IsHonoured_InSecondsOrAsAnHttpDate(bool asDate)
    {
        await using var a = await FakeAiProvider.StartAsync();
        var retryAfter = "";
        a.Responder = (_, n) =>
        {
            if (n > 1) return FakeReply.Json(Good);
            // An HTTP date has whole seconds: two from now is at least one full second away.
            retryAfter = asDate ? DateTimeOffset.UtcNow.AddSeconds(2).ToString("r") : "1";
            return FakeReply.RateLimited(retryAfter);
        };
        await using var ai = new AiGatewayHarness([a.Options("A")]);

        var result = await ai.Gateway.RunAsync(new ExplainWordOperation(), Question, AiCallContext.System, Ct);

        Assert.Equal("A", result.Engine);
        Assert.Equal(1, result.Retries);
        var requests = a.Requests;
        Assert.Equal(2, requests.Count);
        var waited = requests[1].AtUtc - requests[0].AtUtc;
        var expected = asDate ? DateTimeOffset.ParseExact(retryAfter, "r", null) - requests[0].AtUtc : TimeSpan.FromSeconds(1);
        // The retry comes no earlier than the header said (minus clock granularity), far beyond the 20 ms backoff.
        Assert.True(waited >= expected - TimeSpan.FromMilliseconds(50), $"waited {waited}, header said {expected}");
        Assert.True(waited >= TimeSpan.FromSeconds(0.9));
        Assert.Contains(ai.Logs.Lines, l => l.Contains("AI provider A: attempt 1 in"));
    }

    [Fact]
    public async Task RetryAfterBeyondTheCap_IsNotWaitedFor_TheNextProviderAnswers()
    {
        await using var a = await FakeAiProvider.StartAsync();
        await using var b = await FakeAiProvider.StartAsync();
        a.Enqueue(FakeReply.RateLimited("120"));
        b.Enqueue(FakeReply.Json(Good));
        await using var ai = new AiGatewayHarness([a.Options("A"), b.Options("B")]);

        var started = DateTime.UtcNow;
        var result = await ai.Gateway.RunAsync(new ExplainWordOperation(), Question, AiCallContext.System, Ct);

        Assert.Equal("B", result.Engine);
        Assert.Equal(1, a.RequestCount);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
        var call = (await ai.CallsAsync())[0];
        Assert.Equal(AiOutcome.TransientFailure, call.Outcome);
        Assert.Contains("Retry-After 120", call.Error);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task PermanentErrors_AreNotRetried(int status)
    {
        await using var a = await FakeAiProvider.StartAsync();
        a.Responder = (_, _) => FakeReply.Status(status);
        await using var ai = new AiGatewayHarness([a.Options("A")]);

        var result = await ai.Gateway.RunAsync(new ExplainWordOperation(), Question, AiCallContext.System, Ct);

        Assert.True(result.IsOffline);
        Assert.Equal(1, a.RequestCount);
        var call = (await ai.CallsAsync())[0];
        Assert.Equal((AiOutcome.PermanentFailure, 0), (call.Outcome, call.Retries));
        Assert.StartsWith($"HTTP {status}", call.Error);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task TransientErrors_AreRetried_UntilTheProviderAnswers(int status)
    {
        await using var a = await FakeAiProvider.StartAsync();
        a.Enqueue(FakeReply.Status(status), FakeReply.Status(status), FakeReply.Json(Good));
        await using var ai = new AiGatewayHarness([a.Options("A")]);

        var result = await ai.Gateway.RunAsync(new ExplainWordOperation(), Question, AiCallContext.System, Ct);

        Assert.Equal(("A", 2), (result.Engine, result.Retries));
        Assert.Equal(3, a.RequestCount);
    }

    [Fact]
    public async Task DroppedConnectionsAndBrokenBodies_AreRetried()
    {
        await using var a = await FakeAiProvider.StartAsync();
        a.Enqueue(FakeReply.CutStream("{\"meaning\": \"x\", \"difficulty\": 1}"), FakeReply.BrokenBody(), FakeReply.Json(Good));
        await using var ai = new AiGatewayHarness([a.Options("A")]);

        var result = await ai.Gateway.RunAsync(new ExplainWordOperation(), Question, AiCallContext.System, Ct);

        Assert.Equal(("A", 2), (result.Engine, result.Retries));
        Assert.Equal(Good, result.Value);
    }

    [Fact]
    public async Task Circuit_OpensAfterRepeatedFailures_SkipsTheProvider_AndClosesAfterRecovery()
    {
        await using var a = await FakeAiProvider.StartAsync();
        await using var b = await FakeAiProvider.StartAsync();
        var healthy = false;
        a.Responder = (_, _) => healthy ? FakeReply.Json(Good) : FakeReply.Status(503);
        b.Responder = (_, _) => FakeReply.Json(Good with { Meaning = "from B" });
        await using var ai = new AiGatewayHarness([a.Options("A"), b.Options("B")], new Dictionary<string, string?>
        {
            ["Ai:Resilience:MaxRetries"] = "0",
            ["Ai:Resilience:BreakerMinimumThroughput"] = "3",
            ["Ai:Resilience:BreakerFailureRatio"] = "0.5",
            ["Ai:Resilience:BreakerBreakSeconds"] = "1",
        });
        var gauge = new CircuitGauge(ai.Get<AiMetrics>().Meter);
        var op = new ExplainWordOperation();

        for (var i = 0; i < 3; i++) Assert.Equal("B", (await ai.Gateway.RunAsync(op, Question, AiCallContext.System, Ct)).Engine);
        Assert.Equal(3, a.RequestCount);
        Assert.Equal(AiCircuitState.Open, ai.Chain.Providers[0].Circuit);
        Assert.Equal(1, gauge.Read("A"));
        Assert.Equal(0, gauge.Read("B"));
        var health = await ai.HealthAsync();
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Equal("Open", health.Data["A"]);
        Assert.Equal("Closed", health.Data["B"]);
        Assert.Contains("A：熔断中", health.Description);

        // Open: the provider is skipped without a request.
        healthy = true;
        var skipped = await ai.Gateway.RunAsync(op, Question, AiCallContext.System, Ct);
        Assert.Equal("B", skipped.Engine);
        Assert.Equal(["A"], skipped.FailedProviders);
        Assert.Equal(3, a.RequestCount);
        Assert.Equal(AiOutcome.CircuitOpen, (await ai.CallsAsync())[^2].Outcome);

        // After the break the next call probes the recovered provider, which closes the circuit.
        await Task.Delay(TimeSpan.FromSeconds(1.3), Ct);
        Assert.Equal(2, gauge.Read("A"));
        var probe = await ai.Gateway.RunAsync(op, Question, AiCallContext.System, Ct);
        Assert.Equal("A", probe.Engine);
        Assert.Equal(4, a.RequestCount);
        Assert.Equal(AiCircuitState.Closed, ai.Chain.Providers[0].Circuit);
        Assert.Equal(0, gauge.Read("A"));
        Assert.Equal(HealthStatus.Healthy, (await ai.HealthAsync()).Status);
    }

    [Fact]
    public async Task BadRequests_DoNotOpenTheCircuit()
    {
        await using var a = await FakeAiProvider.StartAsync();
        a.Responder = (_, _) => FakeReply.Status(400, message: "This model's maximum context length is 8192 tokens");
        await using var ai = new AiGatewayHarness([a.Options("A")], new Dictionary<string, string?>
        {
            ["Ai:Resilience:BreakerMinimumThroughput"] = "2",
        });

        for (var i = 0; i < 4; i++) await ai.Gateway.RunAsync(new ExplainWordOperation(), Question, AiCallContext.System, Ct);

        Assert.Equal(4, a.RequestCount);
        Assert.Equal(AiCircuitState.Closed, ai.Chain.Providers[0].Circuit);
        Assert.Equal("HTTP 400（上下文过长）", (await ai.CallsAsync())[0].Error);
    }

    [Fact]
    public async Task ConcurrencyLimit_Holds_AndQueuedCallsAllFinish()
    {
        await using var a = await FakeAiProvider.StartAsync();
        a.Responder = (_, _) => FakeReply.Json(Good) with { Delay = TimeSpan.FromMilliseconds(150) };
        await using var ai = new AiGatewayHarness([a.Options("A", maxConcurrency: 2)]);

        var results = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => ai.Gateway.RunAsync(new ExplainWordOperation(), Question, AiCallContext.System, Ct)));

        Assert.All(results, r => Assert.Equal("A", r.Engine));
        Assert.Equal(8, a.RequestCount);
        Assert.Equal(2, a.MaxConcurrent);
    }

    [Fact]
    public async Task FullQueue_SendsTheOverflowToTheNextProvider()
    {
        await using var a = await FakeAiProvider.StartAsync();
        await using var b = await FakeAiProvider.StartAsync();
        a.Responder = (_, _) => FakeReply.Json(Good) with { Delay = TimeSpan.FromMilliseconds(400) };
        b.Responder = (_, _) => FakeReply.Json(Good);
        await using var ai = new AiGatewayHarness([a.Options("A", maxConcurrency: 1), b.Options("B")],
            new Dictionary<string, string?> { ["Ai:Resilience:QueueLimit"] = "0" });

        var results = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => ai.Gateway.RunAsync(new ExplainWordOperation(), Question, AiCallContext.System, Ct)));

        Assert.Equal(1, a.MaxConcurrent);
        Assert.Contains(results, r => r.Engine == "A");
        Assert.Contains(results, r => r.Engine == "B");
        Assert.Contains(await ai.CallsAsync(), c => c.Engine == "A" && c.Error == "并发已满且排队已满");
    }

    [Fact]
    public async Task Chaos_WhenEnabled_InjectsFaultsThatFailOver()
    {
        await using var a = await FakeAiProvider.StartAsync();
        await using var b = await FakeAiProvider.StartAsync();
        a.Responder = (_, _) => FakeReply.Json(Good);
        b.Responder = (_, _) => FakeReply.Json(Good);
        await using var ai = new AiGatewayHarness([a.Options("A"), b.Options("B")], new Dictionary<string, string?>
        {
            ["Ai:Chaos:Enabled"] = "true",
            ["Ai:Chaos:FaultRate"] = "1",
            ["Ai:Resilience:MaxRetries"] = "1",
        });

        var result = await ai.Gateway.RunAsync(new ExplainWordOperation(), Question, AiCallContext.System, Ct);

        // Every attempt on both providers is replaced by an injected fault; nothing reaches them.
        Assert.True(result.IsOffline);
        Assert.Equal(0, a.RequestCount + b.RequestCount);
        Assert.Equal("故障演练注入的失败", (await ai.CallsAsync())[0].Error);
    }

    // Reads cet4.ai.circuit.state as an exporter would.
    private sealed class CircuitGauge(Meter meter)
    {
        public int? Read(string provider)
        {
            int? value = null;
            using var listener = new MeterListener();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == meter && instrument.Name == "cet4.ai.circuit.state") l.EnableMeasurementEvents(instrument);
            };
            listener.SetMeasurementEventCallback<int>((_, measurement, tags, _) =>
            {
                foreach (var tag in tags)
                    if (tag.Key == "provider" && (string?)tag.Value == provider) value = measurement;
            });
            listener.Start();
            listener.RecordObservableInstruments();
            return value;
        }
    }
}
