using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Scoring;

namespace CET4Trainer.Core.Features.Practice;

// Objective questions are graded exactly; the raw points follow the exam's weights.
public static class AnswerGrader
{
    public static (bool Correct, double Score, double Max) Grade(ItemType type, QuestionDraft question, string response)
    {
        var max = ExamScale.RawPointsPerQuestion(type) is var p && p > 0 ? p : 1;
        var given = response.Trim();
        var correct = type == ItemType.VocabSpelling
            ? string.Equals(given, question.Answer.Trim(), StringComparison.OrdinalIgnoreCase)
            : string.Equals(given, question.Answer.Trim(), StringComparison.OrdinalIgnoreCase) && given.Length > 0;
        return (correct, correct ? max : 0, max);
    }

    // A first guess at why a question was missed; the student can change it in the notebook.
    public static MistakeCause CauseOf(ItemType type, string stem)
    {
        if (ItemTypes.SectionOf(type) == Section.Listening) return MistakeCause.Listening;
        if (ItemTypes.IsVocabulary(type) || type == ItemType.BankedCloze)
            return type == ItemType.VocabWordForm ? MistakeCause.Grammar : MistakeCause.Vocabulary;
        var s = stem.ToLowerInvariant();
        if (s.Contains("main") || s.Contains("title") || s.Contains("mainly") || s.Contains("purpose")) return MistakeCause.MainIdea;
        if (s.Contains("infer") || s.Contains("imply") || s.Contains("suggest") || s.Contains("conclude") || s.Contains("most likely")) return MistakeCause.Inference;
        if (s.Contains("word") || s.Contains("phrase") || s.Contains("mean by") || s.Contains("refers to")) return MistakeCause.Vocabulary;
        return MistakeCause.Detail;
    }

    public static string ChineseName(MistakeCause cause) => cause switch
    {
        MistakeCause.Vocabulary => "词汇",
        MistakeCause.Detail => "细节",
        MistakeCause.Inference => "推断",
        MistakeCause.MainIdea => "主旨",
        MistakeCause.Grammar => "语法",
        MistakeCause.Listening => "听力",
        _ => cause.ToString(),
    };
}
