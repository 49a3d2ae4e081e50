namespace CET4Trainer.Core.Features.Courses;

public sealed class Course
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string TeacherId { get; set; }

    // Students join with this code (or the link that carries it).
    public string JoinCode { get; set; } = "";
    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
    public DateTime? ArchivedUtc { get; set; }
}

// A student's place in a course. Removing a student ends membership but keeps their history.
public sealed class CourseMember
{
    public int CourseId { get; set; }
    public required string StudentId { get; set; }
    public DateTime JoinedUtc { get; set; }
    public DateTime? RemovedUtc { get; set; }
}
