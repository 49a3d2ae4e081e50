using System.Text;
using CET4Trainer.Core.Ai;
using Microsoft.Extensions.AI;

namespace CET4Trainer.Core.Features.Feynman;

// One tutor turn of a Feynman exercise: names the gaps in the student's explanation so far and asks
// exactly one probing question. Streamed, because the student waits for it.
public sealed class FeynmanTurn : AiStreamOperation<FeynmanInput>
{
    public override string Name => "FeynmanTurn";

    public override int PromptVersion => 1;

    public override int MaxOutputTokens => 400;

    public override IList<ChatMessage> BuildPrompt(FeynmanInput input) =>
    [
        new(ChatRole.System, $"""
            You run a Feynman-technique exercise for a Chinese university student preparing for CET-4 (College English Test Band 4).
            The student explains an English grammar point or word in their own words, and you find what their explanation is missing.
            On this turn:
            1. In Simplified Chinese, say in one sentence what is right, then name the specific gaps or mistakes in everything the student
               has said so far (a missing rule, a wrong or missing example, confusion with a similar point). Do not explain the gaps away:
               the student should work them out.
            2. Ask exactly ONE probing question about the most important remaining gap, one the student can answer in a few sentences.
               Do not repeat a question you have already asked. Never ask two questions.
            This is question {input.QuestionNumber} of at most {input.MaxQuestions}. Plain text under 150 Chinese characters
            (English examples extra), no Markdown. Put the question on the last line, starting with "问题：".
            """),
        new(ChatRole.User, Describe(input)),
    ];

    public override Task<string> RunOfflineAsync(FeynmanInput input, CancellationToken cancellationToken) =>
        Task.FromResult(OfflineFeynman.Turn(input));

    internal static string Describe(FeynmanInput input)
    {
        var text = new StringBuilder();
        text.Append(input.Kind == FeynmanTopicKind.Grammar ? "Grammar point: " : "Word: ").AppendLine(input.Title);
        text.AppendLine("Reference (for you, not shown to the student):").AppendLine(input.Reference);
        text.Append("A complete explanation covers: ").AppendLine(string.Join("; ", input.Concepts.Select(c => c.Name)));
        text.AppendLine().AppendLine("The exercise so far:");
        foreach (var line in input.Transcript)
            text.Append(line.Role == FeynmanRole.Student ? "Student: " : "Tutor: ").AppendLine(line.Text);
        return text.ToString();
    }
}
