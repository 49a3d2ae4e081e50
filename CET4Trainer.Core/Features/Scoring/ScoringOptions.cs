namespace CET4Trainer.Core.Features.Scoring;

public sealed class ScoringOptions
{
    public const string Section = "Scoring";

    // Points taken off a writing score for each full 10 words below the minimum length, and the cap.
    // Sources differ on the exact table, so it is a setting (cet4-exam.md).
    public int DeductionPerTenWordsShort { get; set; } = 1;
    public int MaxLengthDeduction { get; set; } = 5;
}
