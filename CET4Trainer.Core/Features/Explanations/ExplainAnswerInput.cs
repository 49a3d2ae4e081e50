using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;

namespace CET4Trainer.Core.Features.Explanations;

// What the student asked for after a wrong answer; the first explanation and its three follow-ups.
public enum ExplanationFollowUp
{
    First = 0,
    AnotherExample = 1,
    Simpler = 2,
    InChinese = 3,
}

public sealed record AnswerOption(string Label, string Text);

// Everything an explanation is built from: the item's own content and the chosen answer. Nothing
// about the student (no name, no id) is in here, so nothing about them can reach a provider.
public sealed record ExplainAnswerInput(
    ItemType Type,
    string Material,
    int QuestionNumber,
    string Stem,
    IReadOnlyList<AnswerOption> Options,
    string CorrectAnswer,
    string ChosenAnswer,
    string ItemExplanation,
    string QuestionExplanation,
    ExplanationFollowUp FollowUp)
{
    public AnswerOption? Option(string label) =>
        Options.FirstOrDefault(o => string.Equals(o.Label, label.Trim(), StringComparison.OrdinalIgnoreCase));

    // "B) the text of option B", or the bare answer where there are no options (spelling).
    public string Describe(string label) => Option(label) is { } o ? $"{o.Label}) {o.Text}" : label.Trim();

    public static ExplainAnswerInput From(ItemView item, int questionNumber, string chosen, ExplanationFollowUp followUp)
    {
        if (ItemTypes.IsConstructedResponse(item.Type))
            throw new ArgumentException("Writing and translation are graded, not explained per option.", nameof(item));
        var draft = item.Draft;
        var question = draft.Questions.FirstOrDefault(q => q.Number == questionNumber)
            ?? throw new ArgumentOutOfRangeException(nameof(questionNumber), "The item has no such question.");
        var (material, options) = item.Type switch
        {
            ItemType.BankedCloze => (ItemShapeRules.Blank().Replace(draft.Passage, m => $"__({m.Groups[1].Value})__"), Lettered(draft.WordBank)),
            ItemType.LongReadingMatching => (string.Join("\n\n", draft.Paragraphs.Select(p => $"{p.Letter}) {p.Text}")),
                draft.Paragraphs.Select(p => new AnswerOption(p.Letter, FirstSentence(p.Text))).ToList()),
            ItemType.VocabSpelling => ("", new List<AnswerOption>()),
            _ => (draft.Passage, Lettered(question.Options)),
        };
        var stem = question.Stem.Length > 0 ? question.Stem : item.Type == ItemType.BankedCloze ? $"Blank {questionNumber}" : "";
        return new ExplainAnswerInput(item.Type, material, questionNumber, stem, options, question.Answer, chosen.Trim(),
            draft.Explanation, question.Explanation, followUp);
    }

    private static List<AnswerOption> Lettered(IReadOnlyList<string> texts) =>
        texts.Select((t, i) => new AnswerOption(((char)('A' + i)).ToString(), t)).ToList();

    private static string FirstSentence(string text)
    {
        var end = text.IndexOfAny(['.', '!', '?']);
        var sentence = end > 0 ? text[..(end + 1)] : text;
        return sentence.Length > 160 ? sentence[..160] + "…" : sentence;
    }
}
