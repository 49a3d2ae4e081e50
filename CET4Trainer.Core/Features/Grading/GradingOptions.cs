namespace CET4Trainer.Core.Features.Grading;

public sealed class GradingOptions
{
    public const string Section = "Grading";

    // AI grades whose confidence (0-1) is below this go to the teacher's review queue.
    public double ReviewBelowConfidence { get; set; } = 0.6;
}
