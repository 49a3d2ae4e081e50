namespace CET4Trainer.Core.Features.StudyPlans;

// A student's study plan as it was made: what went in, what came out and which engine wrote it.
// Only the latest is shown; older ones stay as a record of what the student was told.
public sealed class StudyPlan
{
    public int Id { get; set; }
    public required string StudentId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateOnly ExamDate { get; set; }
    public int Weeks { get; set; }
    public int MinutesPerWeek { get; set; }
    public string InputJson { get; set; } = "{}";
    public string PlanJson { get; set; } = "{}";
    public required string Engine { get; set; }
    public string? Model { get; set; }
    public int PromptVersion { get; set; }
}
