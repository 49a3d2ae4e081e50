using CET4Trainer.Core.Ai;
using CET4Trainer.Core.Features.Scoring;

namespace CET4Trainer.Core.Features.Grading;

// What code does with a grader's answer, whichever engine gave it: the score is clamped, the length
// deduction taken, the band and the 106.5-point figure worked out here, and every quote looked up.
internal static class GradeMapper
{
    public const int MaxScore = 15;

    // Points off for each full 10 words short of the minimum, capped (Scoring:*); the same rule as the offline estimate.
    public static int LengthDeduction(int words, int minWords, ScoringOptions options) =>
        words >= minWords ? 0 : Math.Min(options.MaxLengthDeduction, (minWords - words) / 10 * options.DeductionPerTenWordsShort);

    public static int Clamp(int? score) => Math.Clamp(score ?? 0, 0, MaxScore);

    public static EssayGrade Build(AiResult<GradingAnswer> result, string response, int score, int band, int words, int deduction,
        int rubricVersion, IReadOnlyList<string> improvements, string summary)
    {
        var answer = result.Value;
        return new EssayGrade(score, band, Bands.Scaled(score), result.IsOffline ? OfflineGrader.EngineName : result.Engine, summary,
            Clean(answer.Strengths), improvements, words, deduction, answer.OnTopic == false)
        {
            Model = result.Model,
            PromptVersion = result.PromptVersion,
            RubricVersion = rubricVersion,
            ModelScore = Clamp(answer.Score),
            Evidence = (answer.Evidence ?? []).Where(e => !string.IsNullOrWhiteSpace(e.Quote))
                .Select(e => new EvidenceQuote(e.Quote!.Trim(), e.Shows?.Trim() ?? "", QuoteCheck.Found(e.Quote, response))).ToList(),
            Errors = (answer.Errors ?? []).Where(e => !string.IsNullOrWhiteSpace(e.Quote))
                .Select(e => new LanguageError(e.Quote!.Trim(), e.Correction?.Trim() ?? "", e.Reason?.Trim() ?? "", QuoteCheck.Found(e.Quote, response))).ToList(),
            Confidence = result.IsOffline ? null : answer.Confidence,
        };
    }

    public static List<string> Clean(IEnumerable<string?>? lines) =>
        (lines ?? []).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!.Trim()).ToList();

    // Meaning checks shared by both operations; messages are in English because they go back to the model on repair.
    public static List<string> Validate(GradingAnswer a, string response)
    {
        var errors = new List<string>();
        if (a.Score is null) errors.Add("score is missing.");
        else if (a.Score is < 0 or > MaxScore) errors.Add($"score must be a whole number from 0 to {MaxScore}, not {a.Score}.");
        if (a.Confidence is null) errors.Add("confidence is missing.");
        else if (double.IsNaN(a.Confidence.Value) || a.Confidence is < 0 or > 1) errors.Add("confidence must be a number from 0 to 1.");
        if (a.OnTopic is null) errors.Add("onTopic is missing.");
        if (string.IsNullOrWhiteSpace(a.Summary)) errors.Add("summary is missing.");
        if (a.Strengths is null) errors.Add("strengths is missing (use [] for none).");
        if (a.ToNextBand is null) errors.Add("toNextBand is missing (use [] for none).");
        if (a.Evidence is null) errors.Add("evidence is missing.");
        else
        {
            if (a.Evidence.Count > 12) errors.Add("evidence has more than 12 quotes.");
            if (a.Evidence.Any(e => string.IsNullOrWhiteSpace(e.Quote) || string.IsNullOrWhiteSpace(e.Shows)))
                errors.Add("every evidence entry needs a non-empty quote and shows.");
            if (a.Evidence.Count == 0 && a.Score > 0 && !string.IsNullOrWhiteSpace(response))
                errors.Add("evidence must quote the response at least once for a score above 0.");
        }
        if (a.Errors is null) errors.Add("errors is missing (use [] for none).");
        else
        {
            if (a.Errors.Count > 20) errors.Add("errors has more than 20 entries.");
            if (a.Errors.Any(e => string.IsNullOrWhiteSpace(e.Quote) || string.IsNullOrWhiteSpace(e.Correction) || string.IsNullOrWhiteSpace(e.Reason)))
                errors.Add("every error needs a non-empty quote, correction and reason.");
        }
        return errors;
    }
}
