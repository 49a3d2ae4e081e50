using System.Diagnostics;
using System.Runtime.CompilerServices;
using CET4Trainer.Core.Ai.Recording;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Polly;

namespace CET4Trainer.Core.Ai.Engine;

// Prose, streamed: the same chain, but the pipeline (retries, breaker, timeout) covers only the wait
// for the first token. A stream cut after that is not retried: the reader is told to discard the text
// (Restart) and the next engine starts from the beginning.
public sealed partial class AiGateway
{
    public async IAsyncEnumerable<AiStreamEvent> StreamAsync<TInput>(AiStreamOperation<TInput> operation, TInput input, AiCallContext context,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await RefuseIfLimitedAsync(operation.Name, operation.PromptVersion, context, streamed: true, cancellationToken);
        var usage = AiUsage.None;
        var spoke = false;
        string? announced = null;
        var providers = chain.Providers;
        IList<ChatMessage> messages = providers.Count > 0 ? operation.BuildPrompt(input) : [];
        for (var i = 0; i < providers.Count; i++)
        {
            var provider = providers[i];
            var call = NewCall(operation.Name, operation.PromptVersion, provider.Name, provider.Model, context, streamed: true);
            var started = Stopwatch.GetTimestamp();
            var next = i + 1 < providers.Count ? providers[i + 1].Name : AiEngines.Offline;
            if (provider.Circuit == AiCircuitState.Open)
            {
                await FinishAsync(call, provider, started, AiOutcome.CircuitOpen, "熔断器打开，已跳过");
                metrics.Fallback(provider.Name, next);
                continue;
            }

            var attemptLog = new AiAttemptLog();
            var options = new ChatOptions { MaxOutputTokens = operation.MaxOutputTokens };
            var (stream, openError) = await OpenStreamAsync(provider, messages, options, attemptLog, cancellationToken);
            call.Retries = attemptLog.Retries;
            if (stream is null)
            {
                await StreamFailedAsync(call, provider, started, openError!, cancellationToken);
                usage = usage.Add(Usage(call));
                metrics.Fallback(provider.Name, next);
                continue;
            }

            var finished = false;
            var wrote = false;
            try
            {
                var update = stream.First;
                while (update is not null)
                {
                    AddUsage(call, update);
                    if (update.Text is { Length: > 0 } text)
                    {
                        if (spoke && announced != provider.Name) yield return new AiStreamEvent.Restart(provider.Name, provider.Model);
                        announced = provider.Name;
                        spoke = wrote = true;
                        yield return new AiStreamEvent.Delta(text);
                    }
                    (update, var readError) = await NextAsync(stream.Updates);
                    if (readError is not null)
                    {
                        // Cut halfway: what was written is void, the next engine starts over.
                        finished = true;
                        await StreamFailedAsync(call, provider, started, readError, cancellationToken);
                        usage = usage.Add(Usage(call));
                        metrics.Fallback(provider.Name, next);
                        if (wrote)
                        {
                            announced = NextEngine(providers, i + 1);
                            yield return new AiStreamEvent.Restart(announced, providers.FirstOrDefault(p => p.Name == announced)?.Model);
                        }
                        break;
                    }
                }
                if (!finished)
                {
                    finished = true;
                    if (!wrote)
                    {
                        LogProviderFailed(provider.Name, operation.Name, AiOutcome.InvalidOutput, "empty answer");
                        await FinishAsync(call, provider, started, AiOutcome.InvalidOutput, "空回答");
                        usage = usage.Add(Usage(call));
                        metrics.Fallback(provider.Name, next);
                        continue;
                    }
                    await FinishAsync(call, provider, started, AiOutcome.Success, null);
                    usage = usage.Add(Usage(call));
                    yield return new AiStreamEvent.Finished(provider.Name, provider.Model, usage, FromCache: false);
                    yield break;
                }
            }
            finally
            {
                await stream.DisposeAsync();
                // The reader stopped early (left the page): the call ends here.
                if (!finished) await FinishAsync(call, provider, started, AiOutcome.Cancelled, "读者中途离开");
            }
        }

        if (providers.Count > 0) LogOffline(operation.Name, providers.Count);
        var offline = await OfflineAsync(operation.Name, operation.PromptVersion, context, streamed: true,
            () => operation.RunOfflineAsync(input, cancellationToken), cancellationToken);
        if (spoke && announced != AiEngines.Offline) yield return new AiStreamEvent.Restart(AiEngines.Offline, null);
        yield return new AiStreamEvent.Delta(offline);
        yield return new AiStreamEvent.Finished(AiEngines.Offline, null, usage, FromCache: false);
    }

    // The engine a cut stream hands over to: the next provider whose circuit lets calls through, else offline.
    private static string NextEngine(IReadOnlyList<AiProvider> providers, int from) =>
        providers.Skip(from).FirstOrDefault(p => p.Circuit != AiCircuitState.Open)?.Name ?? AiEngines.Offline;

    private async Task StreamFailedAsync(AiCall call, AiProvider provider, long started, Exception error, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            await FinishAsync(call, provider, started, AiOutcome.Cancelled, "已取消");
            throw Cancelled(error, cancellationToken);
        }
        var failure = AiFailures.Classify(error);
        LogProviderFailed(provider.Name, call.Operation, failure.Outcome, failure.Reason);
        await FinishAsync(call, provider, started, failure.Outcome, failure.Reason);
    }

    private static void AddUsage(AiCall call, ChatResponseUpdate update)
    {
        // The final usage update carries the whole call's figures.
        foreach (var usage in update.Contents.OfType<UsageContent>())
        {
            call.InputTokens = (int)(usage.Details.InputTokenCount ?? call.InputTokens);
            call.OutputTokens = (int)(usage.Details.OutputTokenCount ?? call.OutputTokens);
        }
    }

    private static async Task<(ChatResponseUpdate? Update, Exception? Error)> NextAsync(IAsyncEnumerator<ChatResponseUpdate> updates)
    {
        try
        {
            return (await updates.MoveNextAsync() ? updates.Current : null, null);
        }
        catch (Exception ex)
        {
            return (null, ex);
        }
    }

    // A stream that has produced its first text (or ended without any). Owns its own cancellation
    // source, tied to the caller's token only: the pipeline's per-attempt token is let go once the
    // first token is in, so the attempt timeout does not cut a long answer.
    private sealed class OpenStream(IAsyncEnumerator<ChatResponseUpdate> updates, CancellationTokenSource cancellation, ChatResponseUpdate? first)
        : IAsyncDisposable
    {
        public IAsyncEnumerator<ChatResponseUpdate> Updates => updates;
        public ChatResponseUpdate? First => first;

        public async ValueTask DisposeAsync()
        {
            try
            {
                await updates.DisposeAsync();
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException)
            {
                // The connection is already gone.
            }
            cancellation.Dispose();
        }
    }

    private static async Task<(OpenStream? Stream, Exception? Error)> OpenStreamAsync(AiProvider provider, IList<ChatMessage> messages, ChatOptions options,
        AiAttemptLog attemptLog, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(AiPipelineFactory.Log, attemptLog);
        try
        {
            var stream = await provider.Pipeline.ExecuteAsync(
                static (c, s) => FirstTokenAsync(s.provider.Client, s.messages, s.options, c.CancellationToken, s.cancellationToken),
                context, (provider, messages, options, cancellationToken));
            return (stream, null);
        }
        catch (Exception ex)
        {
            return (null, ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static async ValueTask<OpenStream> FirstTokenAsync(IChatClient client, IList<ChatMessage> messages, ChatOptions options,
        CancellationToken attemptToken, CancellationToken callerToken)
    {
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
        IAsyncEnumerator<ChatResponseUpdate>? updates = null;
        var registration = attemptToken.Register(static s => ((CancellationTokenSource)s!).Cancel(), cancellation);
        try
        {
            updates = client.GetStreamingResponseAsync(messages, options, cancellation.Token).GetAsyncEnumerator(cancellation.Token);
            ChatResponseUpdate? first = null;
            while (await updates.MoveNextAsync())
            {
                if (updates.Current.Text.Length > 0 || updates.Current.Contents.OfType<UsageContent>().Any())
                {
                    first = updates.Current;
                    break;
                }
            }
            await registration.DisposeAsync();
            // The attempt timed out just as the first token came in: treat it as the timeout it was.
            attemptToken.ThrowIfCancellationRequested();
            return new OpenStream(updates, cancellation, first);
        }
        catch
        {
            await registration.DisposeAsync();
            if (updates is not null) await new OpenStream(updates, cancellation, null).DisposeAsync();
            else cancellation.Dispose();
            throw;
        }
    }
}
