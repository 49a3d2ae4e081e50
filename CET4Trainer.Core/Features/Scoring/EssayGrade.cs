using System.Text.Json.Serialization;
using CET4Trainer.Core.Ai;

namespace CET4Trainer.Core.Features.Scoring;

// A 0-15 grade of a piece of writing or translation and what produced it. Stored as JSON with the
// answer: the positional fields are the original shape, the rest were added later with defaults, so
// grades stored before them still read.
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
    bool OffTopic)
{
    public string? Model { get; init; }
    public int? PromptVersion { get; init; }
    public int? RubricVersion { get; init; }

    // The grader's own score before the length deduction.
    public int? ModelScore { get; init; }
    public IReadOnlyList<EvidenceQuote> Evidence { get; init; } = [];
    public IReadOnlyList<LanguageError> Errors { get; init; } = [];

    // The model's confidence in its score, 0-1; null for the offline estimate, which has none.
    public double? Confidence { get; init; }
    public ReviewReasons ReviewReasons { get; init; }

    // Why a different engine than expected graded this (e.g. the AI was refused), for the student.
    public string? Notice { get; init; }

    // Set once a teacher has reviewed the grade; an override replaces Score, Band and Scaled.
    public TeacherVerdict? Teacher { get; init; }

    [JsonIgnore]
    public bool IsOffline => Engine is OfflineGrader.EngineName or AiEngines.Offline;
}

// A verbatim quote from the response and what it shows. Verified means it was found in the response.
public sealed record EvidenceQuote(string Quote, string Note, bool Verified);

public sealed record LanguageError(string Quote, string Correction, string Reason, bool Verified);

public sealed record TeacherVerdict(bool Overridden, int Score, int AiScore, string? Comment, DateTime AtUtc);

// Why a grade goes to a teacher's review queue.
[Flags]
public enum ReviewReasons
{
    None = 0,
    OffTopic = 1,
    LowConfidence = 2,
    Boundary = 4,
    OfflineEstimate = 8,
}
