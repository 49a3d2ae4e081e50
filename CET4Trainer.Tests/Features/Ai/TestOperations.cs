using CET4Trainer.Core.Ai;
using Microsoft.Extensions.AI;

namespace CET4Trainer.Tests.Features.Ai;

public sealed record WordQuestion(string Word);

// A model answer with a required member, a nullable one and a range a Validate check enforces.
public sealed record WordAnswer(string Meaning, int Difficulty, string? Example);

// The smallest real JSON operation: explains a word, difficulty 1-5; offline it says it does not know.
public sealed class ExplainWordOperation : AiOperation<WordQuestion, WordAnswer>
{
    public const string OfflineMeaning = "离线：暂无释义";

    public override string Name => "ExplainWord";

    public override int PromptVersion => 3;

    public override IList<ChatMessage> BuildPrompt(WordQuestion input) =>
    [
        new(ChatRole.System, "You explain English words to Chinese learners."),
        new(ChatRole.User, $"Explain the word: {input.Word}"),
    ];

    public override IReadOnlyList<string> Validate(WordAnswer output, WordQuestion input) =>
        output.Difficulty is < 1 or > 5 ? [$"difficulty must be between 1 and 5, not {output.Difficulty}"] : [];

    public override Task<WordAnswer> RunOfflineAsync(WordQuestion input, CancellationToken cancellationToken) =>
        Task.FromResult(new WordAnswer(OfflineMeaning, 3, null));
}

public sealed class StoryOperation : AiStreamOperation<WordQuestion>
{
    public const string OfflineText = "离线引擎的例句。";

    public override string Name => "Story";

    public override int PromptVersion => 1;

    public override IList<ChatMessage> BuildPrompt(WordQuestion input) => [new(ChatRole.User, $"Tell a short story using {input.Word}")];

    public override Task<string> RunOfflineAsync(WordQuestion input, CancellationToken cancellationToken) => Task.FromResult(OfflineText);
}
