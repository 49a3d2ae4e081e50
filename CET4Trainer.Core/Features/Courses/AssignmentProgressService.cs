using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Core.Features.Scoring;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.Courses;

// Score and Max are raw exam points of the student's best handed-in attempt (null before one is handed in).
public sealed record StudentProgress(string StudentId, string Name, string StudentNumber, AssignmentState State, int Attempts,
    DateTime? StartedUtc, DateTime? CompletedUtc, double? Score, double? Max);

public sealed record AssignmentProgress(int AssignmentId, int CourseId, string CourseName, string Title, AssignmentKind Kind, DateTime OpenUtc, DateTime DueUtc,
    int? TimeLimitMinutes, bool IsDraft, IReadOnlyList<StudentProgress> Students)
{
    public int Count(AssignmentState state) => Students.Count(s => s.State == state);
}

// Where every current student of the course stands on one assignment: for the teacher's status page
// and for any other view that needs the same answer.
public sealed class AssignmentProgressService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    // Null when the assignment does not exist or is not on one of the viewer's courses.
    public async Task<AssignmentProgress?> StatusAsync(int assignmentId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var a = await db.Assignments.AsNoTracking().Where(x => x.Id == assignmentId)
            .Join(CourseService.Owned(db, viewer), x => x.CourseId, c => c.Id, (x, c) => new { x, c.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (a is null) return null;
        var assignment = a.x;

        var students = await db.CourseMembers.AsNoTracking().Where(m => m.CourseId == assignment.CourseId && m.RemovedUtc == null)
            .Join(db.Users, m => m.StudentId, u => u.Id, (m, u) => new { u.Id, Name = u.DisplayName ?? u.Email ?? "", Number = u.StudentNumber ?? "" })
            .ToListAsync(cancellationToken);
        var ids = students.Select(s => s.Id).ToList();
        var sessions = await db.PracticeSessions.AsNoTracking().Where(s => s.AssignmentId == assignmentId && ids.Contains(s.StudentId))
            .Select(s => new { s.Id, s.StudentId, s.Status, s.CreatedUtc, s.CompletedUtc }).ToListAsync(cancellationToken);
        var sessionIds = sessions.Select(s => s.Id).ToList();
        var scores = await db.Answers.AsNoTracking().Where(x => sessionIds.Contains(x.SessionId) && x.IsFinal)
            .GroupBy(x => x.SessionId).Select(g => new { g.Key, Score = g.Sum(x => x.Score ?? 0) })
            .ToDictionaryAsync(x => x.Key, x => x.Score, cancellationToken);
        var maxima = (await db.SessionItems.AsNoTracking().Where(i => sessionIds.Contains(i.SessionId))
                .Join(db.Items, si => si.ItemId, i => i.Id, (si, i) => new { si.SessionId, i.Type, Questions = i.Questions.Count })
                .ToListAsync(cancellationToken))
            .GroupBy(x => x.SessionId).ToDictionary(g => g.Key, g => g.Sum(x => x.Questions * ExamScale.RawPointsPerQuestion(x.Type)));

        // An attempt whose time limit ran out counts as handed in when the time ran out, even if the
        // student never came back to press "hand in": the answers stop there either way.
        DateTime? HandedIn(DateTime? completed, DateTime created) =>
            completed ?? (assignment.TimeLimitMinutes is { } limit && created.AddMinutes(limit) <= now ? created.AddMinutes(limit) : null);

        var rows = students.Select(s =>
        {
            var mine = sessions.Where(x => x.StudentId == s.Id).Select(x => new { x.Id, x.CreatedUtc, Done = HandedIn(x.CompletedUtc, x.CreatedUtc) }).ToList();
            var handedIn = mine.Where(x => x.Done is not null).ToList();
            var started = mine.Count == 0 ? (DateTime?)null : mine.Min(x => x.CreatedUtc);
            var completed = handedIn.Count == 0 ? null : handedIn.Min(x => x.Done);
            var best = handedIn.OrderByDescending(x => scores.GetValueOrDefault(x.Id)).FirstOrDefault();
            return new StudentProgress(s.Id, s.Name, s.Number, AssignmentStatus.Of(assignment.OpenUtc, assignment.DueUtc, completed, started, now), mine.Count,
                started, completed, best is null ? null : scores.GetValueOrDefault(best.Id), best is null ? null : maxima.GetValueOrDefault(best.Id));
        }).OrderByDescending(r => r.State == AssignmentState.Missing).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();

        return new AssignmentProgress(assignment.Id, assignment.CourseId, a.Name, assignment.Title, assignment.Kind, assignment.OpenUtc, assignment.DueUtc,
            assignment.TimeLimitMinutes, assignment.IsDraft, rows);
    }
}
