using CET4Trainer.Core.Features.Scoring;

namespace CET4Trainer.Core.Features.Grading;

// Which grades a teacher should look at (docs/decisions/0016-ai-grading.md).
public static class ReviewRules
{
    // Band edges lie between the ranges 0 | 1-3 | 4-6 | 7-9 | 10-12 | 13-15, at 0.5, 3.5, 6.5, 9.5 and 12.5.
    // A score is a boundary result when it lies within one point of an edge, which for whole scores
    // means one point more or less would put it in another band: 0, 1, 3, 4, 6, 7, 9, 10, 12 and 13.
    // Writing and translation share these ranges.
    private static readonly double[] Edges = [0.5, 3.5, 6.5, 9.5, 12.5];

    public static bool IsBoundary(int score) => Edges.Any(e => Math.Abs(score - e) <= 1);

    // AI grades: off topic, confidence below the setting, or on a boundary. The offline estimate has no
    // confidence and is an estimate throughout: it is queued for course assignments only, where a
    // teacher is responsible for the mark, with whichever other reasons apply.
    public static ReviewReasons Reasons(EssayGrade grade, bool courseWork, double reviewBelowConfidence)
    {
        if (grade.IsOffline && !courseWork) return ReviewReasons.None;
        var reasons = grade.IsOffline ? ReviewReasons.OfflineEstimate : ReviewReasons.None;
        if (grade.OffTopic) reasons |= ReviewReasons.OffTopic;
        if (!grade.IsOffline && grade.Confidence is { } confidence && confidence < reviewBelowConfidence) reasons |= ReviewReasons.LowConfidence;
        if (IsBoundary(grade.Score)) reasons |= ReviewReasons.Boundary;
        return reasons;
    }

    public static IEnumerable<string> Describe(ReviewReasons reasons)
    {
        if (reasons.HasFlag(ReviewReasons.OffTopic)) yield return "可能离题";
        if (reasons.HasFlag(ReviewReasons.LowConfidence)) yield return "AI 把握不大";
        if (reasons.HasFlag(ReviewReasons.Boundary)) yield return "分数在档次边界";
        if (reasons.HasFlag(ReviewReasons.OfflineEstimate)) yield return "离线估算";
    }
}
