using CET4Trainer.Core.Features.Generators;
using CET4Trainer.Core.Features.Scoring;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Core.Features.Grading;

// The offline estimate as a grading answer, so it goes through the same code-side mapping as a model's.
public sealed class OfflineGrading(WordIndexProvider words, IOptions<ScoringOptions> scoring)
{
    public async Task<GradingAnswer> WritingAsync(WritingInput input, CancellationToken cancellationToken)
    {
        var grade = (await GraderAsync(cancellationToken)).GradeWriting(input.Response, input.Prompt, input.MinWords, input.MaxWords);
        // The mapping applies the length deduction itself, so the estimate goes in before it
        // (never above 15: the estimator subtracts the deduction from a score of at most 15).
        return Answer(grade, grade.Score + grade.LengthDeduction);
    }

    public async Task<GradingAnswer> TranslationAsync(TranslationInput input, CancellationToken cancellationToken)
    {
        var grade = (await GraderAsync(cancellationToken)).GradeTranslation(input.Response, input.Reference ?? "");
        return Answer(grade, grade.Score);
    }

    private async Task<OfflineGrader> GraderAsync(CancellationToken cancellationToken)
    {
        var index = await words.GetAsync(cancellationToken);
        return new OfflineGrader(w => index.Find(w) is not null, scoring);
    }

    // The estimator's own length line is dropped: the mapping adds one for every engine.
    private static GradingAnswer Answer(EssayGrade grade, int score) => new()
    {
        Score = score,
        Evidence = [],
        Errors = [],
        Strengths = grade.Strengths.ToList(),
        ToNextBand = grade.Improvements.Where(i => !i.Contains("少于最低要求", StringComparison.Ordinal)).ToList(),
        OnTopic = !grade.OffTopic,
        Summary = grade.Summary,
    };
}
