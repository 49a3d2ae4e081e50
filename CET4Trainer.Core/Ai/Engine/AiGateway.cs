using System.Diagnostics;
using CET4Trainer.Core.Ai.Recording;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Polly;

namespace CET4Trainer.Core.Ai.Engine;

// The one door to AI: every typed operation goes through the configured providers in order and
// ends, if none of them can answer, in the offline engine. The result says which engine answered.
// Limits are checked first; every engine tried leaves one AiCall row.
public sealed partial class AiGateway(
    AiProviderChain chain, AiCallRecorder recorder, AiMetrics metrics, AiBudget budget, AiUserRateLimiter limiter,
    TimeProvider clock, ILogger<AiGateway> log)
{
    // The Engine of a call record for a request refused before any engine ran.
    public const string NotCalled = "未调用";

    private const int MaxErrorLength = 480;

    public async Task<AiResult<TOutput>> RunAsync<TInput, TOutput>(AiOperation<TInput, TOutput> operation, TInput input, AiCallContext context,
        CancellationToken cancellationToken = default) where TOutput : class
    {
        await RefuseIfLimitedAsync(operation.Name, operation.PromptVersion, context, streamed: false, cancellationToken);
        var usage = AiUsage.None;
        var retries = 0;
        var failed = new List<string>();
        var providers = chain.Providers;
        if (providers.Count > 0)
        {
            var messages = WithInstruction(operation.BuildPrompt(input), AiJsonOutput.Instruction(typeof(TOutput)));
            for (var i = 0; i < providers.Count; i++)
            {
                var provider = providers[i];
                var attempt = await TryJsonAsync(provider, operation, input, messages, context, cancellationToken);
                usage = usage.Add(attempt.Usage);
                retries += attempt.Retries;
                if (attempt.Value is { } value)
                    return new AiResult<TOutput>(value, provider.Name, provider.Model, operation.PromptVersion, usage, retries, failed);
                failed.Add(provider.Name);
                metrics.Fallback(provider.Name, i + 1 < providers.Count ? providers[i + 1].Name : AiEngines.Offline);
            }
            LogOffline(operation.Name, failed.Count);
        }
        var offline = await OfflineAsync(operation.Name, operation.PromptVersion, context, streamed: false,
            () => operation.RunOfflineAsync(input, cancellationToken), cancellationToken);
        return new AiResult<TOutput>(offline, AiEngines.Offline, null, operation.PromptVersion, usage, retries, failed);
    }

    private sealed record JsonAttempt<T>(T? Value, AiUsage Usage, int Retries) where T : class;

    // One provider, with at most one repair call when its answer is not valid. Never throws for a
    // provider's failure; only cancellation leaves.
    private async Task<JsonAttempt<TOutput>> TryJsonAsync<TInput, TOutput>(AiProvider provider, AiOperation<TInput, TOutput> operation, TInput input,
        IList<ChatMessage> messages, AiCallContext context, CancellationToken cancellationToken) where TOutput : class
    {
        var call = NewCall(operation.Name, operation.PromptVersion, provider.Name, provider.Model, context, streamed: false);
        var started = Stopwatch.GetTimestamp();
        if (provider.Circuit == AiCircuitState.Open)
        {
            await FinishAsync(call, provider, started, AiOutcome.CircuitOpen, "熔断器打开，已跳过");
            return new JsonAttempt<TOutput>(null, AiUsage.None, 0);
        }
        var attemptLog = new AiAttemptLog();
        var options = new ChatOptions { ResponseFormat = ChatResponseFormat.Json, MaxOutputTokens = operation.MaxOutputTokens };
        try
        {
            var response = await CallAsync(provider, messages, options, attemptLog, cancellationToken);
            AddUsage(call, response.Usage);
            var value = Read(operation, input, response.Text, out var errors);
            if (value is null)
            {
                LogRepair(provider.Name, operation.Name, errors.Count);
                List<ChatMessage> repair = [.. messages, new(ChatRole.Assistant, response.Text), new(ChatRole.User, RepairRequest(errors))];
                response = await CallAsync(provider, repair, options, attemptLog, cancellationToken);
                AddUsage(call, response.Usage);
                value = Read(operation, input, response.Text, out errors);
            }
            call.Retries = attemptLog.Retries;
            if (value is null)
            {
                LogInvalid(provider.Name, operation.Name);
                await FinishAsync(call, provider, started, AiOutcome.InvalidOutput, "输出在修复后仍无效：" + string.Join("；", errors));
                return new JsonAttempt<TOutput>(null, Usage(call), call.Retries);
            }
            await FinishAsync(call, provider, started, AiOutcome.Success, null);
            return new JsonAttempt<TOutput>(value, Usage(call), call.Retries);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested)
        {
            call.Retries = attemptLog.Retries;
            await FinishAsync(call, provider, started, AiOutcome.Cancelled, "已取消");
            throw Cancelled(ex, cancellationToken);
        }
        catch (Exception ex)
        {
            var failure = AiFailures.Classify(ex);
            call.Retries = attemptLog.Retries;
            LogProviderFailed(provider.Name, operation.Name, failure.Outcome, failure.Reason);
            await FinishAsync(call, provider, started, failure.Outcome, failure.Reason);
            return new JsonAttempt<TOutput>(null, Usage(call), call.Retries);
        }
    }

    private static TOutput? Read<TInput, TOutput>(AiOperation<TInput, TOutput> operation, TInput input, string? text, out IReadOnlyList<string> errors)
        where TOutput : class
    {
        var value = AiJsonOutput.TryRead<TOutput>(text, out errors);
        if (value is null) return null;
        errors = operation.Validate(value, input);
        return errors.Count == 0 ? value : null;
    }

    private static string RepairRequest(IReadOnlyList<string> errors) =>
        "Your reply could not be used:\n- " + string.Join("\n- ", errors) +
        "\nReply again with the corrected JSON object only, matching the schema given above.";

    // The JSON instruction joins the leading system messages, so providers that read only the first
    // block of instructions still see it.
    private static List<ChatMessage> WithInstruction(IList<ChatMessage> prompt, string instruction)
    {
        var messages = prompt.ToList();
        var at = 0;
        while (at < messages.Count && messages[at].Role == ChatRole.System) at++;
        messages.Insert(at, new ChatMessage(ChatRole.System, instruction));
        return messages;
    }

    private static async Task<ChatResponse> CallAsync(AiProvider provider, IList<ChatMessage> messages, ChatOptions options, AiAttemptLog attemptLog,
        CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(AiPipelineFactory.Log, attemptLog);
        try
        {
            return await provider.Pipeline.ExecuteAsync(
                static (c, s) => new ValueTask<ChatResponse>(s.provider.Client.GetResponseAsync(s.messages, s.options, c.CancellationToken)),
                context, (provider, messages, options));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<T> OfflineAsync<T>(string operation, int promptVersion, AiCallContext context, bool streamed, Func<Task<T>> run,
        CancellationToken cancellationToken)
    {
        var call = NewCall(operation, promptVersion, AiEngines.Offline, null, context, streamed);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var value = await run();
            await FinishAsync(call, null, started, AiOutcome.Success, null);
            return value;
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested)
        {
            await FinishAsync(call, null, started, AiOutcome.Cancelled, "已取消");
            throw Cancelled(ex, cancellationToken);
        }
        catch (Exception ex)
        {
            await FinishAsync(call, null, started, AiOutcome.PermanentFailure, $"离线引擎出错（{ex.GetType().Name}）");
            throw;
        }
    }

    // A fresh exception: the provider's (a ClientResultException carries the response body, which may
    // echo the request and its key) must not travel up as an inner exception into someone's log.
    private static OperationCanceledException Cancelled(Exception? cause, CancellationToken cancellationToken) =>
        cause is OperationCanceledException { InnerException: null } plain ? plain : new OperationCanceledException("The AI call was cancelled.", cancellationToken);

    private async Task RefuseIfLimitedAsync(string operation, int promptVersion, AiCallContext context, bool streamed, CancellationToken cancellationToken)
    {
        if (context.UserId is not { } user) return;
        // Work inside a durable task was limited when the task was started.
        var refusal = context.TaskId is null ? limiter.Refusal(user) : null;
        if (refusal is null && context.CountsAgainstBudget) refusal = await budget.RefusalAsync(user, cancellationToken);
        if (refusal is null) return;
        var call = NewCall(operation, promptVersion, NotCalled, null, context, streamed);
        await FinishAsync(call, null, Stopwatch.GetTimestamp(), AiOutcome.Refused, refusal);
        LogRefused(operation);
        throw new AiRefusedException(refusal);
    }

    private AiCall NewCall(string operation, int promptVersion, string engine, string? model, AiCallContext context, bool streamed) => new()
    {
        AtUtc = clock.GetUtcNow().UtcDateTime, Operation = operation, PromptVersion = promptVersion, Engine = engine, Model = model,
        Streamed = streamed, UserId = context.UserId, TaskId = context.TaskId,
    };

    private static void AddUsage(AiCall call, UsageDetails? usage)
    {
        call.InputTokens += (int)(usage?.InputTokenCount ?? 0);
        call.OutputTokens += (int)(usage?.OutputTokenCount ?? 0);
    }

    private static AiUsage Usage(AiCall call) => new(call.InputTokens, call.OutputTokens, call.Cost);

    // Completes and writes the record, and counts it in the metrics. Recording never fails the call
    // and is not cancelled with it.
    private async Task FinishAsync(AiCall call, AiProvider? provider, long started, AiOutcome outcome, string? error)
    {
        call.Outcome = outcome;
        call.LatencyMs = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        call.Cost = provider?.CostOf(call.InputTokens, call.OutputTokens) ?? 0m;
        if (error is not null)
        {
            error = provider?.Scrub(error) ?? error;
            call.Error = error.Length > MaxErrorLength ? error[..MaxErrorLength] + "…" : error;
        }
        metrics.Call(call.Engine, call.Operation, outcome.ToString(), call.LatencyMs, call.InputTokens, call.OutputTokens, call.Cost);
        await recorder.RecordAsync(call, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "AI provider {Provider} failed for {Operation}: {Outcome}, {Reason}")]
    private partial void LogProviderFailed(string provider, string operation, AiOutcome outcome, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "AI provider {Provider} gave an invalid answer for {Operation} ({ErrorCount} problems); asking once for a repair")]
    private partial void LogRepair(string provider, string operation, int errorCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AI provider {Provider} answered {Operation} invalidly even after the repair request")]
    private partial void LogInvalid(string provider, string operation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No AI provider could answer {Operation} ({Failed} tried); the offline engine answers")]
    private partial void LogOffline(string operation, int failed);

    [LoggerMessage(Level = LogLevel.Information, Message = "AI request for {Operation} refused by a limit")]
    private partial void LogRefused(string operation);
}
