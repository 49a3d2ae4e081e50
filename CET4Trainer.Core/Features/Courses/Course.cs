namespace CET4Trainer.Core.Features.Courses;

public sealed class Course
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string TeacherId { get; set; }
    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
    public DateTime? ArchivedUtc { get; set; }
}
