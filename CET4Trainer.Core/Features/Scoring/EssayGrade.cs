namespace CET4Trainer.Core.Features.Scoring;

// A 0-15 grade of a piece of writing or translation and what produced it.
public sealed record EssayGrade(
    int Score,
    int Band,
    double Scaled,
    string Engine,
    string Summary,
    IReadOnlyList<string> Strengths,
    IReadOnlyList<string> Improvements,
    int Words,
    int LengthDeduction,
    bool OffTopic);
