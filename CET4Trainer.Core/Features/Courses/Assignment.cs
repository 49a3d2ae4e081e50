using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Core.Features.Courses;

public enum FeedbackMode
{
    Immediate = 0,
    AfterDue = 1,
}

public enum AssignmentKind
{
    // A fixed list of items the teacher chose.
    Picked = 0,

    // Items drawn by a rule for each student when they start, unseen ones first.
    Rule = 1,

    // A complete paper in the exam's shape, with the exam's part clock.
    Mock = 2,
}

// Practice a teacher sets for a course: a list of items, a rule or a mock paper, open between two times.
public sealed class Assignment
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public required string Title { get; set; }
    public DateTime OpenUtc { get; set; }
    public DateTime DueUtc { get; set; }
    public int MaxAttempts { get; set; } = 1;
    public FeedbackMode Feedback { get; set; }
    public AssignmentKind Kind { get; set; }

    // Minutes an attempt may take from its start; null = no limit.
    public int? TimeLimitMinutes { get; set; }

    // Rule assignments only (see AssignmentRule).
    public Section? RuleSection { get; set; }
    public ItemType? RuleType { get; set; }
    public string? RuleTag { get; set; }
    public int RuleMinDifficulty { get; set; }
    public int RuleMaxDifficulty { get; set; }
    public int RuleCount { get; set; }

    // A draft (made by a class plan) is the teacher's until published: students never see or start it.
    public bool IsDraft { get; set; }
    public DateTime CreatedUtc { get; set; }
    public List<AssignmentItem> Items { get; set; } = [];

    public AssignmentRule Rule() => new(RuleSection, RuleType, RuleTag, RuleMinDifficulty, RuleMaxDifficulty, RuleCount);
}

public sealed class AssignmentItem
{
    public int AssignmentId { get; set; }
    public int Position { get; set; }
    public int ItemId { get; set; }
}
