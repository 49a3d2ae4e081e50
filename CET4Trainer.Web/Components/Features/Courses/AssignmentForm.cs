using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Web.Components.Features.Courses;

// What the teacher has typed on the assign page. It lives as long as the page, so a refused save loses nothing.
public sealed class AssignmentForm
{
    public string Title { get; set; } = "";
    public DateTime Open { get; set; }
    public DateTime Due { get; set; }
    public int Attempts { get; set; } = 1;
    public FeedbackMode Feedback { get; set; } = FeedbackMode.Immediate;
    public AssignmentKind Kind { get; set; } = AssignmentKind.Picked;
    public int? TimeLimitMinutes { get; set; }
    public List<int> Chosen { get; } = [];

    public Section? Section { get; set; }
    public ItemType? Type { get; set; }
    public string? Tag { get; set; }
    public int MinDifficulty { get; set; } = 1;
    public int MaxDifficulty { get; set; } = 5;
    public int Count { get; set; } = 10;

    public AssignmentRule Rule => new(Section, Type, Tag, MinDifficulty, MaxDifficulty, Count);

    // Open and due are local times on the page; the service stores UTC.
    public NewAssignment ToNew(int courseId, Func<DateTime, DateTime> toUtc) =>
        new(courseId, Title, Kind == AssignmentKind.Picked ? [.. Chosen] : [], toUtc(Open), toUtc(Due), Attempts, Feedback, Kind,
            Kind == AssignmentKind.Rule ? Rule : null, Kind == AssignmentKind.Mock ? null : TimeLimitMinutes);
}
