using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Ai.Recording;
using CET4Trainer.Tests.TestSupport;

namespace CET4Trainer.Tests.Features.Ai;

// JSON operations through the real gateway against fake providers: order, fallback, repair, records.
public sealed class AiGatewayRunTests
{
    private static readonly WordQuestion Question = new("abandon");
    private static readonly WordAnswer Good = new("放弃", 2, "They abandoned the plan.");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FirstProviderAnswers_WithJsonModeAndTheSchemaInThePrompt_AndOneRecord()
    {
        await using var a = await FakeAiProvider.StartAsync();
        a.Enqueue(FakeReply.Json(Good, inputTokens: 1000, outputTokens: 500));
        await using var ai = new AiGatewayHarness([a.Options("A", inputPrice: 2m, outputPrice: 8m)]);

        var result = await ai.Gateway.RunAsync(new ExplainWordOperation(), Question, AiCallContext.System, Ct);

        Assert.Equal(Good, result.Value);
        Assert.Equal("A", result.Engine);
        Assert.Equal(a.Model, result.Model);
        Assert.False(result.IsOffline);
        Assert.Equal(3, result.PromptVersion);
        Assert.Equal(new AiUsage(1000, 500, 0.006m), result.Usage);
        Assert.Empty(result.FailedProviders);
        var request = Assert.Single(a.Requests).Json!;
        Assert.Equal("json_object", request["response_format"]?["type"]?.ToString());
        var system = request["messages"]![1]!["content"]!.ToString();
        Assert.Contains("JSON schema", system);
        Assert.Contains("\"meaning\"", system);
        Assert.Contains("\"difficulty\"", system);
        Assert.Equal("system", request["messages"]![0]!["role"]!.ToString());
        Assert.Contains("abandon", a.Requests[0].MessagesText);
        var call = Assert.Single(await ai.CallsAsync());
        Assert.Equal(("A", a.Model, "ExplainWord", 3, AiOutcome.Success), (call.Engine, call.Model, call.Operation, call.PromptVersion, call.Outcome));
        Assert.Equal((1000, 500, 0.006m, 0), (call.InputTokens, call.OutputTokens, call.Cost, call.Retries));
        Assert.Null(call.Error);
        Assert.True(call.LatencyMs >= 0);
    }

    [Fact]
    public async Task FirstFails_SecondAnswers_InConfiguredOrder()
    {
        await using var a = await FakeAiProvider.StartAsync();
        await using var b = await FakeAiProvider.StartAsync();
        await using var c = await FakeAiProvider.StartAsync();
        a.Responder = (_, _) => FakeReply.Status(500);
        b.Enqueue(FakeReply.Json(Good));
        c.Enqueue(FakeReply.Json(Good with { Meaning = "from C" }));
        await using var ai = new AiGatewayHarness([a.Options("A"), b.Options("B"), c.Options("C")]);

        var result = await ai.Gateway.RunAsync(new ExplainWordOperation(), Question, AiCallContext.System, Ct);

        Assert.Equal("B", result.Engine);
        Assert.Equal(Good, result.Value);
        Assert.Equal(["A"], result.FailedProviders);
        Assert.Equal(2, result.Retries);
        Assert.Equal(3, a.RequestCount);
        Assert.Equal(0, c.RequestCount);
        var calls = await ai.CallsAsync();
        Assert.Equal(["A", "B"], calls.Select(x => x.Engine));
        Assert.Equal(AiOutcome.TransientFailure, calls[0].Outcome);
        Assert.Equal(2, calls[0].Retries);
        Assert.Contains("HTTP 500", calls[0].Error);
    }

    [Fact]
    public async Task AllProvidersFail_TheOfflineEngineAnswers_AndSaysSo()
    {
        await using var a = await FakeAiProvider.StartAsync();
        await using var b = await FakeAiProvider.StartAsync();
        a.Responder = (_, _) => FakeReply.Status(503);
        b.Responder = (_, _) => FakeReply.Status(401);
        await using var ai = new AiGatewayHarness([a.Options("A"), b.Options("B")]);

        var result = await ai.Gateway.RunAsync(new ExplainWordOperation(), Question, new AiCallContext("user-1", Guid.NewGuid()), Ct);

        Assert.True(result.IsOffline);
        Assert.Equal(AiEngines.Offline, result.Engine);
        Assert.Null(result.Model);
        Assert.Equal(ExplainWordOperation.OfflineMeaning, result.Value.Meaning);
        Assert.Equal(["A", "B"], result.FailedProviders);
        var calls = await ai.CallsAsync();
        Assert.Equal(["A", "B", AiEngines.Offline], calls.Select(x => x.Engine));
        Assert.Equal([AiOutcome.TransientFailure, AiOutcome.PermanentFailure, AiOutcome.Success], calls.Select(x => x.Outcome));
        Assert.All(calls, x => Assert.Equal("user-1", x.UserId));
    }

    [Fact]
    public async Task NoProvidersConfigured_OfflineAnswersAlone()
    {
        await using var ai = new AiGatewayHarness([]);

        var result = await ai.Gateway.RunAsync(new ExplainWordOperation(), Question, AiCallContext.System, Ct);

        Assert.True(result.IsOffline);
        Assert.Empty(result.FailedProviders);
        Assert.Equal(AiEngines.Offline, Assert.Single(await ai.CallsAsync()).Engine);
    }

    [Fact]
    public async Task MalformedJson_OneRepairCallWithTheErrors_Succeeds()
    {
        await using var a = await FakeAiProvider.StartAsync();
        a.Enqueue(FakeReply.Text("{\"meaning\": \"放弃\", \"difficulty\": ", inputTokens: 100, outputTokens: 10),
            FakeReply.Text("```json\n{\"meaning\": \"放弃\", \"difficulty\": 2, \"example\": null}\n```", inputTokens: 150, outputTokens: 20));
        await using var ai = new AiGatewayHarness([a.Options("A")]);

        var result = await ai.Gateway.RunAsync(new ExplainWordOperation(), Question, AiCallContext.System, Ct);

        Assert.Equal("A", result.Engine);
        Assert.Equal(new WordAnswer("放弃", 2, null), result.Value);
        Assert.Equal(new AiUsage(250, 30, (250 * 1m + 30 * 2m) / 1_000_000m), result.Usage);
        Assert.Equal(2, a.RequestCount);
        var repair = a.Requests[1].Json!["messages"]!.AsArray();
        Assert.Equal("assistant", repair[^2]!["role"]!.ToString());
        Assert.Contains("could not be used", repair[^1]!["content"]!.ToString());
        var call = Assert.Single(await ai.CallsAsync());
        Assert.Equal((AiOutcome.Success, 250, 30), (call.Outcome, call.InputTokens, call.OutputTokens));
    }

    [Fact]
    public async Task ValidationErrors_AreSentBack_AndAFixedAnswerIsAccepted()
    {
        await using var a = await FakeAiProvider.StartAsync();
        a.Enqueue(FakeReply.Json(Good with { Difficulty = 9 }), FakeReply.Json(Good));
        await using var ai = new AiGatewayHarness([a.Options("A")]);

        var result = await ai.Gateway.RunAsync(new ExplainWordOperation(), Question, AiCallContext.System, Ct);

        Assert.Equal(Good, result.Value);
        Assert.Contains("difficulty must be between 1 and 5, not 9", a.Requests[1].MessagesText);
    }

    [Fact]
    public async Task RepairFailsToo_ThatProviderFailsCleanly_AndTheNextAnswers()
    {
        await using var a = await FakeAiProvider.StartAsync();
        await using var b = await FakeAiProvider.StartAsync();
        // Missing the required "difficulty", then not JSON at all.
        a.Enqueue(FakeReply.Text("{\"meaning\": \"放弃\"}"), FakeReply.Text("Sorry, I cannot do that."));
        b.Enqueue(FakeReply.Json(Good));
        await using var ai = new AiGatewayHarness([a.Options("A"), b.Options("B")]);

        var result = await ai.Gateway.RunAsync(new ExplainWordOperation(), Question, AiCallContext.System, Ct);

        Assert.Equal("B", result.Engine);
        Assert.Equal(["A"], result.FailedProviders);
        Assert.Equal(2, a.RequestCount);
        Assert.Contains("difficulty", a.Requests[1].MessagesText);
        var calls = await ai.CallsAsync();
        Assert.Equal(AiOutcome.InvalidOutput, calls[0].Outcome);
        Assert.StartsWith("输出在修复后仍无效", calls[0].Error);
        Assert.DoesNotContain("Sorry", calls[0].Error);
    }

    [Fact]
    public async Task NullForANonNullableMember_IsInvalid()
    {
        await using var a = await FakeAiProvider.StartAsync();
        a.Enqueue(FakeReply.Text("{\"meaning\": null, \"difficulty\": 2, \"example\": null}"), FakeReply.Text("{\"meaning\": null, \"difficulty\": 2, \"example\": \"x\"}"));
        await using var ai = new AiGatewayHarness([a.Options("A")]);

        var result = await ai.Gateway.RunAsync(new ExplainWordOperation(), Question, AiCallContext.System, Ct);

        Assert.True(result.IsOffline);
        Assert.Equal(2, a.RequestCount);
        var repairRequest = a.Requests[1].Json!["messages"]!.AsArray()[^1]!["content"]!.ToString();
        Assert.Contains("Meaning", repairRequest, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("null", repairRequest);
    }

    [Fact]
    public async Task HangingProvider_TimesOutPerAttempt_AndTheNextAnswers()
    {
        await using var a = await FakeAiProvider.StartAsync();
        await using var b = await FakeAiProvider.StartAsync();
        a.Responder = (_, _) => FakeReply.Hang();
        b.Enqueue(FakeReply.Json(Good));
        await using var ai = new AiGatewayHarness([a.Options("A", timeoutSeconds: 1), b.Options("B")],
            new Dictionary<string, string?> { ["Ai:Resilience:MaxRetries"] = "1" });

        var started = DateTime.UtcNow;
        var result = await ai.Gateway.RunAsync(new ExplainWordOperation(), Question, AiCallContext.System, Ct);

        Assert.Equal("B", result.Engine);
        Assert.Equal(2, a.RequestCount);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(15));
        var call = (await ai.CallsAsync())[0];
        Assert.Equal(AiOutcome.Timeout, call.Outcome);
        Assert.Equal(1, call.Retries);
    }

    [Fact]
    public async Task Cancellation_Propagates_AndIsRecordedAsCancelled()
    {
        await using var a = await FakeAiProvider.StartAsync();
        a.Responder = (_, _) => FakeReply.Hang();
        await using var ai = new AiGatewayHarness([a.Options("A", timeoutSeconds: 30)]);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(300);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ai.Gateway.RunAsync(new ExplainWordOperation(), Question, AiCallContext.System, cancel.Token));

        var call = Assert.Single(await ai.CallsAsync());
        Assert.Equal(("A", AiOutcome.Cancelled), (call.Engine, call.Outcome));
    }
}
