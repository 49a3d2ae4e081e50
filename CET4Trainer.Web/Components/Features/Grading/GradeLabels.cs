using CET4Trainer.Core.Features.Grading;
using CET4Trainer.Core.Features.Scoring;

namespace CET4Trainer.Web.Components.Features.Grading;

// How a grade is named on screen, the same for students and teachers.
public static class GradeLabels
{
    public const string OfflineLabel = OfflineGrader.EngineName;

    public static string Engine(EssayGrade grade) => grade.IsOffline ? OfflineLabel : $"AI 评分 · {grade.Engine}";

    public static string Band(bool isWriting, int score, int band)
    {
        if (isWriting) return $"{band} 分档";
        var (low, high) = Bands.TranslationRange(score);
        return $"{low}-{high} 分档";
    }

    public static string BandDescription(bool isWriting, int score, int band) =>
        isWriting ? Bands.WritingBandDescription(band) : Bands.TranslationDescription(score);

    // Small print: what produced the grade, so an old grade can be told from one made after a prompt or rubric change.
    public static string? Versions(EssayGrade grade)
    {
        if (grade.PromptVersion is null && grade.RubricVersion is null) return null;
        var engine = grade.IsOffline ? OfflineLabel : grade.Model is null ? grade.Engine : $"{grade.Engine}（{grade.Model}）";
        return $"评分引擎 {engine} · 提示词 v{grade.PromptVersion} · 评分标准 v{grade.RubricVersion}";
    }

    public static string Reasons(ReviewReasons reasons) => string.Join("、", ReviewRules.Describe(reasons));

    public static string Percent(double share) => $"{share * 100:0}%";
}
