using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Scoring;

namespace CET4Trainer.Core.Features.Grading;

public enum ReviewStatus
{
    Pending = 0,
    Confirmed = 1,
    Overridden = 2,
}

// A graded essay or translation waiting for (or given) a teacher's look. One per answer: a regrade
// updates the row while it is pending.
public sealed class EssayReview
{
    public long Id { get; set; }
    public long AnswerId { get; set; }
    public required string StudentId { get; set; }
    public int ItemId { get; set; }
    public ItemType Kind { get; set; }

    // Set when the answer was course work; the course's teacher is responsible for it.
    public int? AssignmentId { get; set; }
    public ReviewReasons Reasons { get; set; }
    public int AiScore { get; set; }
    public int AiBand { get; set; }
    public required string Engine { get; set; }
    public string? Model { get; set; }
    public ReviewStatus Status { get; set; }
    public int? TeacherScore { get; set; }
    public string? ReviewerId { get; set; }
    public string? Comment { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public DateTime? ReviewedUtc { get; set; }
}
