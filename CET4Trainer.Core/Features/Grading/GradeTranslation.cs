using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Scoring;
using Microsoft.Extensions.AI;

namespace CET4Trainer.Core.Features.Grading;

// CET-4 translation (Chinese to English): the model scores 0-15 with quoted evidence; code bands and scales.
public sealed class GradeTranslation(OfflineGrading offline) : AiOperation<TranslationInput, GradingAnswer>
{
    public const int RubricVersion = 1;

    private const string Criteria = """
        13-15: the meaning is rendered accurately and fluently; only minor slips.
        10-12: the meaning is basically rendered; fluent; no major errors.
        7-9: the meaning is barely rendered; many errors, some serious.
        4-6: only a small part of the meaning is rendered; many serious errors.
        1-3: fragments only.
        0: blank or unrelated to the source.
        """;

    public override string Name => "GradeTranslation";

    public override int PromptVersion => 1;

    public override int MaxOutputTokens => 1500;

    public override IList<ChatMessage> BuildPrompt(TranslationInput input)
    {
        var reference = string.IsNullOrWhiteSpace(input.Reference)
            ? ""
            : $"\n\nOne acceptable translation, for reference only (other wordings can be just as good):\n{GradingPrompt.Block("reference", input.Reference)}";
        return GradingPrompt.Build(
            "You are a trained rater of the translation part of the CET-4 (College English Test Band 4): a Chinese paragraph translated into English by a Chinese undergraduate.",
            Criteria,
            $"{GradingPrompt.Block("source", input.Source)}{reference}\n\n{GradingPrompt.Block("response", input.Response)}");
    }

    public override IReadOnlyList<string> Validate(GradingAnswer output, TranslationInput input) => GradeMapper.Validate(output, input.Response);

    public override Task<GradingAnswer> RunOfflineAsync(TranslationInput input, CancellationToken cancellationToken) =>
        offline.TranslationAsync(input, cancellationToken);

    public static int Band(int score)
    {
        var (low, high) = Bands.TranslationRange(score);
        return low == 0 ? 0 : (low + high) / 2;
    }

    public EssayGrade ToGrade(AiResult<GradingAnswer> result, TranslationInput input)
    {
        var answer = result.Value;
        var score = GradeMapper.Clamp(answer.Score);
        var (low, high) = Bands.TranslationRange(score);
        var summary = result.IsOffline
            ? answer.Summary ?? ""
            : $"AI 评分：{score} 分（{low}-{high} 分档：{Bands.TranslationDescription(score)}）。{answer.Summary}";
        return GradeMapper.Build(result, input.Response, score, Band(score), TextMeasures.EnglishWords(input.Response), 0, RubricVersion,
            GradeMapper.Clean(answer.ToNextBand), summary);
    }
}
