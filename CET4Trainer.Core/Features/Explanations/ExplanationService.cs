using System.Diagnostics;
using System.Runtime.CompilerServices;
using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Ai.Engine;
using CET4Trainer.Core.Ai.Recording;
using CET4Trainer.Core.Features.Practice;

namespace CET4Trainer.Core.Features.Explanations;

// Explains a wrong answer to the student who gave it. The item comes from the student's own loaded
// session, and the page offers this only where the session shows feedback (not during a mock or
// before an assignment's feedback date).
public sealed class ExplanationService(ExplanationCache cache, AiGateway gateway, ExplainAnswer operation, AiCallRecorder recorder, TimeProvider clock)
{
    public async IAsyncEnumerable<AiStreamEvent> StreamAsync(ItemView item, int questionNumber, string chosen, ExplanationFollowUp followUp, string userId,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var input = ExplainAnswerInput.From(item, questionNumber, chosen, followUp);
        var key = ExplanationKey.Of(item.Id, item.Version, questionNumber, chosen, followUp, operation.PromptVersion);
        // The user id decides rate limits and the call record; the prompt is built from `input` alone.
        var context = new AiCallContext(userId);
        var started = Stopwatch.GetTimestamp();
        await foreach (var e in cache.StreamAsync(key, token => gateway.StreamAsync(operation, input, context, token), cancellationToken))
        {
            if (e is AiStreamEvent.Finished { FromCache: true } served)
            {
                await recorder.RecordAsync(new AiCall
                {
                    AtUtc = clock.GetUtcNow().UtcDateTime, Operation = operation.Name, PromptVersion = operation.PromptVersion, Engine = served.Engine,
                    Model = served.Model, Outcome = AiOutcome.Success, LatencyMs = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    Streamed = true, FromCache = true, UserId = userId,
                }, CancellationToken.None);
            }
            yield return e;
        }
    }

    public static string Label(ExplanationFollowUp followUp) => followUp switch
    {
        ExplanationFollowUp.AnotherExample => "再举一个例子",
        ExplanationFollowUp.Simpler => "说得更简单些",
        ExplanationFollowUp.InChinese => "用中文解释",
        _ => "为什么错？",
    };
}
