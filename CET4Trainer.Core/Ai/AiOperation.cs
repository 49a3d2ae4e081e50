using Microsoft.Extensions.AI;

namespace CET4Trainer.Core.Ai;

// A typed AI operation: a versioned prompt asking for JSON of type TOutput, the checks an answer
// must pass, and the offline engine's answer for when no provider can give one.
public abstract class AiOperation<TInput, TOutput> where TOutput : class
{
    public abstract string Name { get; }

    // Raised whenever the prompt's wording or the output shape changes; recorded with every call and result.
    public abstract int PromptVersion { get; }

    public virtual int MaxOutputTokens => 2000;

    // Inputs are typed records that carry no student name or identifier, so none can reach a provider.
    public abstract IList<ChatMessage> BuildPrompt(TInput input);

    // Meaning checks on a parsed answer (the JSON shape is checked before); empty means valid.
    public virtual IReadOnlyList<string> Validate(TOutput output, TInput input) => [];

    public abstract Task<TOutput> RunOfflineAsync(TInput input, CancellationToken cancellationToken);
}

// An operation whose answer is prose streamed to the reader as it is written.
public abstract class AiStreamOperation<TInput>
{
    public abstract string Name { get; }
    public abstract int PromptVersion { get; }
    public virtual int MaxOutputTokens => 800;
    public abstract IList<ChatMessage> BuildPrompt(TInput input);
    public abstract Task<string> RunOfflineAsync(TInput input, CancellationToken cancellationToken);
}

public abstract record AiStreamEvent
{
    // Text so far is void: a provider failed mid-stream and `Engine` starts again from the beginning.
    public sealed record Restart(string Engine, string? Model) : AiStreamEvent;

    public sealed record Delta(string Text) : AiStreamEvent;

    public sealed record Finished(string Engine, string? Model, AiUsage Usage, bool FromCache) : AiStreamEvent;
}
