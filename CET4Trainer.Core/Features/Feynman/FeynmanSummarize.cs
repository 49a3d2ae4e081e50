using CET4Trainer.Core.Ai;
using Microsoft.Extensions.AI;

namespace CET4Trainer.Core.Features.Feynman;

public sealed record FeynmanSummary(string Understood, string Missing, string Practise);

// The closing summary of a Feynman exercise. A JSON operation rather than streamed prose: it is saved
// as three separate parts and shown under three headings, and the parts are checked before saving.
public sealed class FeynmanSummarize : AiOperation<FeynmanInput, FeynmanSummary>
{
    public const int MaxPartLength = 400;

    public override string Name => "FeynmanSummary";

    public override int PromptVersion => 1;

    public override int MaxOutputTokens => 600;

    public override IList<ChatMessage> BuildPrompt(FeynmanInput input) =>
    [
        new(ChatRole.System, """
            You close a Feynman-technique exercise for a Chinese university student preparing for CET-4. Read the whole exchange and
            summarise it for the student in Simplified Chinese. Answer with JSON only, in this shape:
            {"understood": "...", "missing": "...", "practise": "..."}
            understood: what the student clearly understood, in one or two sentences.
            missing: what is still missing or wrong in their explanation, in one or two sentences (say so if nothing is).
            practise: ONE concrete thing to practise next, in one sentence.
            """),
        new(ChatRole.User, FeynmanTurn.Describe(input)),
    ];

    public override IReadOnlyList<string> Validate(FeynmanSummary output, FeynmanInput input)
    {
        var errors = new List<string>();
        foreach (var (name, value) in new[] { ("understood", output.Understood), ("missing", output.Missing), ("practise", output.Practise) })
        {
            if (string.IsNullOrWhiteSpace(value)) errors.Add($"{name} is empty.");
            else if (value.Length > MaxPartLength) errors.Add($"{name} is longer than {MaxPartLength} characters.");
        }
        return errors;
    }

    public override Task<FeynmanSummary> RunOfflineAsync(FeynmanInput input, CancellationToken cancellationToken) =>
        Task.FromResult(OfflineFeynman.Summary(input));
}
