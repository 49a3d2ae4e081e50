using CET4Trainer.Core.Hosting;

namespace CET4Trainer.Core.Features.Practice;

public enum PracticeActivityKind
{
    Answered = 1,
    Completed = 2,
    Regraded = 3,
}

// Something a student did (or a teacher did to a student's answer) that changes what a teacher sees.
public sealed record PracticeActivity(string StudentId, int SessionId, int? AssignmentId, PracticeActivityKind Kind);

// Practice activity for the pages that show it (gradebook, analytics, teacher home) and the answer metrics.
public sealed class PracticeActivityHub : EventHub<PracticeActivity>;
