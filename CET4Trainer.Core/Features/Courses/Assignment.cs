namespace CET4Trainer.Core.Features.Courses;

public enum FeedbackMode
{
    Immediate = 0,
    AfterDue = 1,
}

// Practice a teacher sets for a course: a list of items, open between two times.
public sealed class Assignment
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public required string Title { get; set; }
    public DateTime OpenUtc { get; set; }
    public DateTime DueUtc { get; set; }
    public int MaxAttempts { get; set; } = 1;
    public FeedbackMode Feedback { get; set; }

    // A draft (made by a class plan) is the teacher's until published: students never see or start it.
    public bool IsDraft { get; set; }
    public DateTime CreatedUtc { get; set; }
    public List<AssignmentItem> Items { get; set; } = [];
}

public sealed class AssignmentItem
{
    public int AssignmentId { get; set; }
    public int Position { get; set; }
    public int ItemId { get; set; }
}
