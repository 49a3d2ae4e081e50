using System.Runtime.CompilerServices;
using CET4Trainer.Core.Ai;

namespace CET4Trainer.Tests.TestSupport;

// A stream of AI events played from a script, as a provider's would arrive: for testing what consumes
// streams (the explanation cache, the stream view) with restarts, cuts and failures the offline engine never makes.
public sealed class ScriptedStream
{
    private int calls;

    public int Calls => calls;

    // Released by the test to let a waiting script go on; null means the script does not wait.
    public TaskCompletionSource? Gate { get; init; }

    public IReadOnlyList<AiStreamEvent> Events { get; init; } = [];

    // Thrown after the events (a cut stream, a refusal).
    public Exception? FailWith { get; init; }

    public static ScriptedStream Finishing(string text, string engine = "test-provider") =>
        new() { Events = [new AiStreamEvent.Delta(text), new AiStreamEvent.Finished(engine, "test-model", new AiUsage(10, 20, 0.001m), FromCache: false)] };

    public async IAsyncEnumerable<AiStreamEvent> Play([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        if (Gate is not null) await Gate.Task.WaitAsync(cancellationToken);
        foreach (var e in Events)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return e;
        }
        if (FailWith is not null) throw FailWith;
    }
}
