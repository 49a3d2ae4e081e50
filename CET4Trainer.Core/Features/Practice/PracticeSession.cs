namespace CET4Trainer.Core.Features.Practice;

public enum PracticeMode
{
    Drill = 1,
    Daily = 2,
    Assignment = 3,
    Mock = 4,
    Mistakes = 5,
}

public enum SessionStatus
{
    Active = 0,
    Completed = 1,
}

// One sitting of practice: an ordered list of items, the student's place in it, and for a mock the part clock.
public sealed class PracticeSession
{
    public int Id { get; set; }
    public required string StudentId { get; set; }
    public PracticeMode Mode { get; set; }
    public SessionStatus Status { get; set; }
    public string Title { get; set; } = "";
    public int CurrentPosition { get; set; }

    // Assignment mode: the assignment this session answers.
    public int? AssignmentId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public DateTime? CompletedUtc { get; set; }

    // Mock only: when the paper started and when each part was handed in early ("|"-separated UTC ticks, one per part, 0 = not early).
    public DateTime? MockStartedUtc { get; set; }
    public string MockEarlyEnds { get; set; } = "";

    public List<SessionItem> Items { get; set; } = [];
}

public sealed class SessionItem
{
    public int SessionId { get; set; }
    public int Position { get; set; }
    public int ItemId { get; set; }

    // Mock only: the paper part (0 writing, 1 listening, 2 reading, 3 translation).
    public int Part { get; set; }

    // How often the listening audio was started; a mock allows one play.
    public int ListeningPlays { get; set; }
}

// One response to one question, saved as it is given; writing drafts are answers with IsFinal false.
public sealed class Answer
{
    public long Id { get; set; }
    public int SessionId { get; set; }
    public required string StudentId { get; set; }
    public int ItemId { get; set; }

    // No foreign key: an edited item gets new questions, and the history must survive that.
    public int QuestionId { get; set; }
    public int QuestionNumber { get; set; }
    public string Response { get; set; } = "";
    public bool IsFinal { get; set; }
    public bool? IsCorrect { get; set; }
    public double? Score { get; set; }
    public double MaxScore { get; set; }
    public string? GradeJson { get; set; }
    public int TimeSpentMs { get; set; }
    public DateTime AnsweredUtc { get; set; }
}

public enum MistakeCause
{
    Vocabulary = 1,
    Detail = 2,
    Inference = 3,
    MainIdea = 4,
    Grammar = 5,
    Listening = 6,
}

// A wrong answer kept for the mistakes notebook. Resolved when answered right in mistakes practice.
public sealed class Mistake
{
    public long Id { get; set; }
    public required string StudentId { get; set; }
    public int ItemId { get; set; }
    public int QuestionId { get; set; }
    public int QuestionNumber { get; set; }
    public MistakeCause Cause { get; set; }
    public string Response { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime? ResolvedUtc { get; set; }

    // Set once the words behind the question have gone into the student's vocabulary deck.
    public bool WordsAdded { get; set; }
}
