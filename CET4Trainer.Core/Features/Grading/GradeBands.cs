using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Scoring;

namespace CET4Trainer.Core.Features.Grading;

// Bands as agreement figures count them: both kinds share the anchors 0, 2, 5, 8, 11, 14.
public static class GradeBands
{
    public static readonly int[] Anchors = [0, 2, 5, 8, 11, 14];

    public static int Of(ItemType kind, int score) => kind == ItemType.Translation ? GradeTranslation.Band(score) : Bands.WritingBand(score);

    // The band's place in order (0-5), for agreement measures.
    public static int Index(int band) => Array.IndexOf(Anchors, band) is var i and >= 0 ? i : throw new ArgumentOutOfRangeException(nameof(band), band, "Not a band anchor.");
}
