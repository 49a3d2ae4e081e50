using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Scoring;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Core.Features.Grading;

// CET-4 writing: the model scores 0-15 with quoted evidence; code bands, deducts for length and scales.
public sealed class GradeWriting(OfflineGrading offline, IOptions<ScoringOptions> scoring) : AiOperation<WritingInput, GradingAnswer>
{
    // Raised when the criteria below or the band mapping change; stored with every grade.
    public const int RubricVersion = 1;

    private const string Criteria = """
        13-15: on topic; ideas clear; fluent and coherent; almost no language errors.
        10-12: on topic; ideas clear; coherent; a few language errors.
        7-9: basically on topic; some ideas unclear; barely coherent; quite a few errors, some serious.
        4-6: basically on topic; ideas unclear; poor coherence; many serious errors.
        1-3: disorganised, confused, fragmented; most sentences wrong.
        0: blank, off topic, or only isolated words.
        A rater first places the essay at the nearest of the anchors 14, 11, 8, 5, 2, then may move it one point up or down.
        """;

    public override string Name => "GradeWriting";

    public override int PromptVersion => 1;

    public override int MaxOutputTokens => 1500;

    public override IList<ChatMessage> BuildPrompt(WritingInput input) => GradingPrompt.Build(
        "You are a trained rater of the writing part of the CET-4 (College English Test Band 4) taken by Chinese undergraduates.",
        Criteria,
        $"{GradingPrompt.Block("task", input.Prompt)}\nRequired length: {input.MinWords}-{input.MaxWords} words.\n\n{GradingPrompt.Block("response", input.Response)}");

    public override IReadOnlyList<string> Validate(GradingAnswer output, WritingInput input) => GradeMapper.Validate(output, input.Response);

    public override Task<GradingAnswer> RunOfflineAsync(WritingInput input, CancellationToken cancellationToken) =>
        offline.WritingAsync(input, cancellationToken);

    public EssayGrade ToGrade(AiResult<GradingAnswer> result, WritingInput input)
    {
        var answer = result.Value;
        var words = TextMeasures.EnglishWords(input.Response);
        var modelScore = GradeMapper.Clamp(answer.Score);
        // The points actually taken off: a score cannot go below 0, so neither can what is deducted.
        var deduction = Math.Min(modelScore, GradeMapper.LengthDeduction(words, input.MinWords, scoring.Value));
        var score = modelScore - deduction;
        var band = Bands.WritingBand(score);
        var improvements = GradeMapper.Clean(answer.ToNextBand);
        if (words < input.MinWords) improvements.Add($"字数 {words} 词，少于最低要求 {input.MinWords} 词{(deduction > 0 ? $"，扣 {deduction} 分" : "")}。");
        if (words > input.MaxWords) improvements.Add($"字数 {words} 词，超过 {input.MaxWords} 词的上限，考试中应控制篇幅。");
        var summary = result.IsOffline
            ? answer.Summary ?? ""
            : $"AI 评分：{score} 分（{band} 分档：{Bands.WritingBandDescription(band)}）。{answer.Summary}";
        return GradeMapper.Build(result, input.Response, score, band, words, deduction, RubricVersion, improvements.Distinct().ToList(), summary);
    }
}
