using System.Diagnostics;
using System.Runtime.CompilerServices;
using CET4Trainer.Core.Ai.Recording;

namespace CET4Trainer.Core.Ai.Engine;

// The one door to AI: every typed operation goes through the configured providers in order and
// ends, if none of them can answer, in the offline engine. The result says which engine answered.
public sealed class AiGateway(AiCallRecorder recorder, TimeProvider clock)
{
    public async Task<AiResult<TOutput>> RunAsync<TInput, TOutput>(AiOperation<TInput, TOutput> operation, TInput input, AiCallContext context,
        CancellationToken cancellationToken = default) where TOutput : class
    {
        var started = Stopwatch.GetTimestamp();
        var value = await operation.RunOfflineAsync(input, cancellationToken);
        await recorder.RecordAsync(new AiCall
        {
            AtUtc = clock.GetUtcNow().UtcDateTime, Operation = operation.Name, PromptVersion = operation.PromptVersion, Engine = AiEngines.Offline,
            Outcome = AiOutcome.Success, LatencyMs = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds, UserId = context.UserId, TaskId = context.TaskId,
        }, cancellationToken);
        return new AiResult<TOutput>(value, AiEngines.Offline, null, operation.PromptVersion, AiUsage.None, 0, []);
    }

    public async IAsyncEnumerable<AiStreamEvent> StreamAsync<TInput>(AiStreamOperation<TInput> operation, TInput input, AiCallContext context,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var text = await operation.RunOfflineAsync(input, cancellationToken);
        yield return new AiStreamEvent.Delta(text);
        await recorder.RecordAsync(new AiCall
        {
            AtUtc = clock.GetUtcNow().UtcDateTime, Operation = operation.Name, PromptVersion = operation.PromptVersion, Engine = AiEngines.Offline,
            Outcome = AiOutcome.Success, LatencyMs = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds, Streamed = true,
            UserId = context.UserId, TaskId = context.TaskId,
        }, cancellationToken);
        yield return new AiStreamEvent.Finished(AiEngines.Offline, null, AiUsage.None, FromCache: false);
    }
}
