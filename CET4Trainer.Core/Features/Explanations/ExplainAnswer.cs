using System.Text;
using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Features.Generators;
using CET4Trainer.Core.Features.Items;
using Microsoft.Extensions.AI;

namespace CET4Trainer.Core.Features.Explanations;

// "Why was my answer wrong?": a streamed explanation of one question, and its three follow-ups.
public sealed class ExplainAnswer(WordIndexProvider words) : AiStreamOperation<ExplainAnswerInput>
{
    public override string Name => "ExplainAnswer";

    // v1: first explanation, another example, simpler, in Chinese.
    public override int PromptVersion => 1;

    public override int MaxOutputTokens => 700;

    public override IList<ChatMessage> BuildPrompt(ExplainAnswerInput input) =>
    [
        new(ChatRole.System, """
            You are a patient English tutor helping a Chinese university student prepare for CET-4 (College English Test Band 4).
            The student answered one exam question wrongly. Work only from the material, the question and the explanations given;
            never invent facts about the passage. Quote the exact words of the material when they prove a point.
            Say why the correct answer is right and why the student's answer is wrong (what trap it falls into).
            Write plain text in short paragraphs: no Markdown headings, no tables, no greeting.
            """),
        new(ChatRole.User, Describe(input)),
    ];

    public override async Task<string> RunOfflineAsync(ExplainAnswerInput input, CancellationToken cancellationToken) =>
        OfflineExplanation.Build(input, await words.GetAsync(cancellationToken));

    public static string Instruction(ExplanationFollowUp followUp) => followUp switch
    {
        ExplanationFollowUp.AnotherExample =>
            "Give ONE new example that trains the same point as this question (the same word, structure or reading skill): an English sentence " +
            "with its Chinese translation, then one or two sentences in Chinese saying how it shows the point. Do not repeat the passage. At most 120 words.",
        ExplanationFollowUp.Simpler =>
            "Explain it again much more simply, for a weak learner: at most four short sentences, everyday words, mainly in Chinese, " +
            "keeping only the one idea that decides the answer.",
        ExplanationFollowUp.InChinese =>
            "Explain entirely in Simplified Chinese; keep English only for words or sentences quoted from the material. At most 250 Chinese characters.",
        _ =>
            "Explain why the correct answer is right and why the student's answer is wrong. Write in Simplified Chinese, quoting the English " +
            "of the material where it is the evidence, and gloss key English words in brackets. At most 200 Chinese characters plus quotations.",
    };

    private static string Describe(ExplainAnswerInput input)
    {
        var text = new StringBuilder();
        text.Append("Question type: ").Append(TypeName(input.Type)).AppendLine();
        if (input.Material.Length > 0)
        {
            text.AppendLine(input.Type is ItemType.ListeningNews or ItemType.ListeningConversation or ItemType.ListeningPassage
                ? "Transcript of the recording:" : "Material:");
            text.AppendLine("\"\"\"").AppendLine(input.Material).AppendLine("\"\"\"");
        }
        text.Append("Question ").Append(input.QuestionNumber).Append(": ").AppendLine(input.Stem);
        if (input.Options.Count > 0)
        {
            text.AppendLine(input.Type == ItemType.LongReadingMatching ? "Paragraphs to choose from (first sentence):" : "Options:");
            foreach (var option in input.Options) text.Append(option.Label).Append(") ").AppendLine(option.Text);
        }
        text.Append("Correct answer: ").AppendLine(input.Describe(input.CorrectAnswer));
        text.Append("Student's answer: ").AppendLine(input.Describe(input.ChosenAnswer));
        if (input.QuestionExplanation.Length > 0) text.Append("Explanation given with this question: ").AppendLine(input.QuestionExplanation);
        if (input.ItemExplanation.Length > 0) text.Append("Explanation given with the whole item: ").AppendLine(input.ItemExplanation);
        text.AppendLine().Append("Task: ").Append(Instruction(input.FollowUp));
        return text.ToString();
    }

    private static string TypeName(ItemType type) => type switch
    {
        ItemType.ListeningNews => "listening, news report (multiple choice)",
        ItemType.ListeningConversation => "listening, long conversation (multiple choice)",
        ItemType.ListeningPassage => "listening, passage or lecture (multiple choice)",
        ItemType.BankedCloze => "banked cloze (choose a word from the word bank for the blank)",
        ItemType.LongReadingMatching => "long reading (match the statement to the paragraph it comes from)",
        ItemType.CarefulReading => "careful reading (multiple choice)",
        ItemType.VocabMeaningToWord => "vocabulary: choose the word for a Chinese meaning",
        ItemType.VocabWordToMeaning => "vocabulary: choose the Chinese meaning of a word",
        ItemType.VocabSpelling => "vocabulary: spell the word from its pronunciation and meaning",
        ItemType.VocabWordForm => "vocabulary: choose the right form of the word",
        ItemType.VocabSentenceCompletion => "vocabulary: complete the sentence",
        _ => type.ToString(),
    };
}
