using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Scoring;

namespace CET4Trainer.Core.Features.Gradebook;

public enum GradeStatus
{
    NotStarted = 0,
    InProgress = 1,
    Completed = 2,
    Late = 3,
    Missing = 4,
}

// One sitting of an assignment: the points its final answers earned out of what its items carry.
public sealed record Attempt(int SessionId, bool Completed, DateTime StartedUtc, DateTime? CompletedUtc, double Score, double Max)
{
    public double? Percent => GradebookMath.Percent(Score, Max);
}

// A student's standing on one assignment; the score is the best completed attempt's.
public sealed record GradeCell(int AssignmentId, GradeStatus Status, int Attempts, double? Score, double? Max, double? Percent);

// Points in one exam section from a student's final answers to the course's assignments.
public sealed record SectionScore(Section Section, double Points, double Max, int Questions)
{
    public double? Percent => GradebookMath.Percent(Points, Max);
}

public sealed record GradebookStudent(string StudentId, string Name, string Email, IReadOnlyList<GradeCell> Cells,
    IReadOnlyList<SectionScore> Sections, ScoreEstimate? Estimate, double? Average);

public sealed record GradebookColumn(int AssignmentId, string Title, DateTime OpenUtc, DateTime DueUtc, double? ClassAverage, int Done, int Late, int Missing);

public sealed record GradebookSheet(int CourseId, string CourseName, string JoinCode, DateTime BuiltUtc,
    IReadOnlyList<GradebookColumn> Assignments, IReadOnlyList<GradebookStudent> Students)
{
    public IReadOnlySet<string> StudentIds { get; } = Students.Select(s => s.StudentId).ToHashSet();
}
