using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.Courses;

public sealed record NewAssignment(int CourseId, string Title, IReadOnlyList<int> ItemIds, DateTime OpenUtc, DateTime DueUtc, int MaxAttempts, FeedbackMode Feedback);

public sealed record AssignmentRow(int Id, int CourseId, string CourseName, string Title, DateTime OpenUtc, DateTime DueUtc, int Items,
    int MaxAttempts, FeedbackMode Feedback, int Attempts, bool Completed, int? ActiveSessionId, bool IsDraft = false);

// Assignments: set by a course's teacher, answered by its students in assignment mode.
public sealed class AssignmentService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public async Task<(int? Id, string? Error)> CreateAsync(NewAssignment a, Viewer teacher, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(a.Title) || a.Title.Length > 200) return (null, "请填写作业标题（不超过 200 字）。");
        if (a.ItemIds.Count == 0) return (null, "请至少选择一道题目。");
        if (a.DueUtc <= a.OpenUtc) return (null, "截止时间必须晚于开始时间。");
        if (a.MaxAttempts is < 1 or > 10) return (null, "作答次数需在 1-10 次之间。");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await CourseService.Owned(db, teacher).AnyAsync(c => c.Id == a.CourseId, cancellationToken)) return (null, "课程不存在，或不是你的课程。");
        var ids = a.ItemIds.Distinct().ToList();
        var usable = await db.Items.Where(i => ids.Contains(i.Id) && i.Status == ItemStatus.Published && (i.OwnerId == null || i.OwnerId == teacher.UserId || teacher.IsAdmin))
            .Select(i => i.Id).ToListAsync(cancellationToken);
        if (usable.Count != ids.Count) return (null, "有的题目不存在、未发布或不是你可以布置的题目。");
        var assignment = new Assignment
        {
            CourseId = a.CourseId, Title = a.Title.Trim(), OpenUtc = a.OpenUtc, DueUtc = a.DueUtc, MaxAttempts = a.MaxAttempts,
            Feedback = a.Feedback, CreatedUtc = clock.GetUtcNow().UtcDateTime,
            Items = ids.Select((id, i) => new AssignmentItem { Position = i, ItemId = id }).ToList(),
        };
        db.Assignments.Add(assignment);
        await db.SaveChangesAsync(cancellationToken);
        return (assignment.Id, null);
    }

    public async Task<IReadOnlyList<AssignmentRow>?> ForCourseAsync(int courseId, Viewer teacher, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await CourseService.Owned(db, teacher).AnyAsync(c => c.Id == courseId, cancellationToken)) return null;
        var rows = await Rows(db, db.Assignments.Where(a => a.CourseId == courseId), "").ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.DueUtc).ToList();
    }

    // Publishes a draft assignment of the teacher's course; students see it from then on.
    public async Task<string?> PublishAsync(int assignmentId, Viewer teacher, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var owned = CourseService.Owned(db, teacher).Select(c => c.Id);
        var published = await db.Assignments.Where(a => a.Id == assignmentId && a.IsDraft && owned.Contains(a.CourseId))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.IsDraft, false), cancellationToken);
        return published == 1 ? null : "作业不存在、已经发布，或不是你的课程。";
    }

    // The teacher's assignments whose due date falls in the next `days` days, soonest first.
    public async Task<IReadOnlyList<AssignmentRow>> DueSoonAsync(Viewer teacher, int days = 7, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var courses = CourseService.Owned(db, teacher).Where(c => c.ArchivedUtc == null).Select(c => c.Id);
        var rows = await Rows(db, db.Assignments.Where(a => courses.Contains(a.CourseId) && !a.IsDraft && a.DueUtc >= now && a.DueUtc <= now.AddDays(days)), "")
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.DueUtc).ToList();
    }

    // The assignments of the student's courses that are open now or overdue, with their progress.
    public async Task<IReadOnlyList<AssignmentRow>> ForStudentAsync(string studentId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var courses = db.CourseMembers.Where(m => m.StudentId == studentId && m.RemovedUtc == null).Select(m => m.CourseId);
        var rows = await Rows(db, db.Assignments.Where(a => courses.Contains(a.CourseId) && !a.IsDraft && a.OpenUtc <= now), studentId).ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Completed).ThenBy(r => r.DueUtc).ToList();
    }

    private static IQueryable<AssignmentRow> Rows(AppDbContext db, IQueryable<Assignment> assignments, string studentId) =>
        assignments.Join(db.Courses, a => a.CourseId, c => c.Id, (a, c) => new { a, c.Name })
            .Select(x => new AssignmentRow(x.a.Id, x.a.CourseId, x.Name, x.a.Title, x.a.OpenUtc, x.a.DueUtc, x.a.Items.Count, x.a.MaxAttempts, x.a.Feedback,
                db.PracticeSessions.Count(s => s.AssignmentId == x.a.Id && s.StudentId == studentId),
                db.PracticeSessions.Any(s => s.AssignmentId == x.a.Id && s.StudentId == studentId && s.Status == SessionStatus.Completed),
                db.PracticeSessions.Where(s => s.AssignmentId == x.a.Id && s.StudentId == studentId && s.Status == SessionStatus.Active)
                    .Select(s => (int?)s.Id).FirstOrDefault(),
                x.a.IsDraft));
}
