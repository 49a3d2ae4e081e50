namespace CET4Trainer.Core.Features.Review;

public enum CardOrigin
{
    Deck = 1,
    Mistake = 2,
}

// A word in one student's deck with its FSRS memory state.
public sealed class VocabCard
{
    public int Id { get; set; }
    public required string StudentId { get; set; }
    public int WordId { get; set; }
    public CardOrigin Origin { get; set; }
    public CardState State { get; set; } = CardState.Learning;
    public int? Step { get; set; } = 0;
    public double? Stability { get; set; }
    public double? Difficulty { get; set; }
    public DateTime? LastReviewUtc { get; set; }
    public DateTime DueUtc { get; set; }
    public int Reps { get; set; }
    public int Lapses { get; set; }

    // Flagged after 8 lapses: a word that keeps slipping needs a different approach, not more reviews.
    public bool IsLeech { get; set; }
    public DateTime AddedUtc { get; set; }

    public MemoryState Memory => new(State, Step, Stability, Difficulty, LastReviewUtc, DueUtc);
}

public sealed class ReviewLogEntry
{
    public long Id { get; set; }
    public int CardId { get; set; }
    public required string StudentId { get; set; }
    public Rating Rating { get; set; }
    public CardState StateBefore { get; set; }
    public DateTime ReviewedUtc { get; set; }
}

// Per-student review settings.
public sealed class StudyPreferences
{
    public required string StudentId { get; set; }
    public double DesiredRetention { get; set; } = 0.9;
    public int NewCardsPerDay { get; set; } = 20;
}
