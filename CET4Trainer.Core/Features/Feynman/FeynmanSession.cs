namespace CET4Trainer.Core.Features.Feynman;

// One Feynman exercise of one student: the whole exchange, saved after every step so a reload loses nothing.
public sealed class FeynmanSession
{
    public int Id { get; set; }
    public required string StudentId { get; set; }
    public FeynmanTopicKind TopicKind { get; set; }

    // A grammar point's key or a word's headword.
    public required string TopicKey { get; set; }
    public required string TopicTitle { get; set; }

    // The turns as JSON (FeynmanTurnRecord[]): the student's explanation, then questions and answers.
    public string TurnsJson { get; set; } = "[]";

    // FeynmanSummary as JSON, once the exercise is closed, and the engine that wrote it.
    public string? SummaryJson { get; set; }
    public string? SummaryEngine { get; set; }

    // Every engine that answered in this exercise, in order of first use, "、"-separated.
    public string Engines { get; set; } = "";

    // Of FeynmanTurn; the summary's own version is kept beside it.
    public int PromptVersion { get; set; }
    public int? SummaryPromptVersion { get; set; }

    public DateTime CreatedUtc { get; set; }

    // Also the concurrency token: two tabs cannot both append to the same exchange.
    public DateTime UpdatedUtc { get; set; }
    public DateTime? CompletedUtc { get; set; }
}

public sealed record FeynmanTurnRecord(FeynmanRole Role, string Text, string? Engine, DateTime AtUtc);
