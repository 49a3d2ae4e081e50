namespace CET4Trainer.Core.Features.Feynman;

public enum FeynmanStep
{
    // The student has spoken; the tutor's next question is due.
    TutorTurn,

    // The tutor has asked; the student answers (or closes the exercise).
    StudentAnswer,

    // Three questions were answered; only the summary is left.
    Summary,
    Done,
}

public sealed record FeynmanView(int Id, FeynmanTopic Topic, IReadOnlyList<FeynmanTurnRecord> Turns, FeynmanSummary? Summary, string? SummaryEngine,
    string Engines, DateTime CreatedUtc, DateTime? CompletedUtc)
{
    public const int MaxQuestions = 3;

    public int QuestionsAsked => Turns.Count(t => t.Role == FeynmanRole.Tutor);

    public FeynmanStep Next =>
        CompletedUtc is not null ? FeynmanStep.Done
        : Turns.Count > 0 && Turns[^1].Role == FeynmanRole.Tutor ? FeynmanStep.StudentAnswer
        : QuestionsAsked < MaxQuestions ? FeynmanStep.TutorTurn
        : FeynmanStep.Summary;

    // The student may close the exercise once at least one question was asked.
    public bool CanSummarize => CompletedUtc is null && QuestionsAsked > 0;
}

public sealed record FeynmanListItem(int Id, FeynmanTopicKind Kind, string Title, int Questions, DateTime CreatedUtc, DateTime? CompletedUtc);

// A request the exercise's state does not allow (a fourth question, answering a closed exercise...).
public sealed class FeynmanRefusedException(string message) : Exception(message);
