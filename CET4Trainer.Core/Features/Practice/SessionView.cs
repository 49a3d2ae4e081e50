using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Core.Features.Practice;

public sealed record SessionItemView(int Position, int Part, int ListeningPlays, ItemView Item);

// Everything a practice page needs to show a session where the student left it.
public sealed record SessionView(
    int Id,
    string StudentId,
    PracticeMode Mode,
    SessionStatus Status,
    string Title,
    int CurrentPosition,
    IReadOnlyList<SessionItemView> Items,
    Dictionary<int, Answer> AnswersByQuestion,
    DateTime? MockStartedUtc,
    List<DateTime?> MockEarlyEnds,
    DateTime? FeedbackFromUtc = null,
    int? AssignmentId = null,
    DateTime? DeadlineUtc = null)
{
    public bool IsMock => Mode == PracticeMode.Mock;

    // Answers are shown with their explanation at once, except in a mock, where they wait for the end,
    // and in an assignment whose teacher chose feedback after the due date.
    public bool ShowsFeedback(SessionStatus status, DateTime nowUtc) =>
        (!IsMock || status == SessionStatus.Completed) && (FeedbackFromUtc is null || nowUtc >= FeedbackFromUtc);

    // An assignment with a time limit takes no answers from its deadline on.
    public bool TimeIsUp(DateTime nowUtc) => DeadlineUtc is { } deadline && nowUtc >= deadline;

    public int AnsweredQuestions => AnswersByQuestion.Values.Count(a => a.IsFinal);

    public int TotalQuestions => Items.Sum(i => i.Item.QuestionIds.Count);

    public bool IsAnswered(ItemView item) => item.QuestionIds.All(q => AnswersByQuestion.TryGetValue(q, out var a) && a.IsFinal);
}

public sealed record SubmitResult(bool Accepted, bool? Correct, double? Score, double Max, string? Refusal, Answer? Answer);
