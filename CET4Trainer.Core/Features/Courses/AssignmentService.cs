using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.Courses;

// ItemIds are used by picked assignments, Rule by rule assignments; a mock needs neither.
public sealed record NewAssignment(int CourseId, string Title, IReadOnlyList<int> ItemIds, DateTime OpenUtc, DateTime DueUtc, int MaxAttempts, FeedbackMode Feedback,
    AssignmentKind Kind = AssignmentKind.Picked, AssignmentRule? Rule = null, int? TimeLimitMinutes = null);

// Items: the number of item groups of a picked list or drawn by a rule; 0 for a mock paper.
public sealed record AssignmentRow(int Id, int CourseId, string CourseName, string Title, DateTime OpenUtc, DateTime DueUtc, int Items,
    int MaxAttempts, FeedbackMode Feedback, int Attempts, bool Completed, int? ActiveSessionId, bool IsDraft = false,
    AssignmentKind Kind = AssignmentKind.Picked, int? TimeLimitMinutes = null, DateTime? FirstCompletedUtc = null);

// Assignments: set by a course's teacher, answered by its students in assignment mode.
public sealed class AssignmentService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public const int MaxTimeLimitMinutes = 300;

    public async Task<(int? Id, string? Error)> CreateAsync(NewAssignment a, Viewer teacher, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(a.Title) || a.Title.Trim().Length > 200) return (null, "请填写作业标题（不超过 200 字）。");
        if (a.DueUtc <= a.OpenUtc) return (null, "截止时间必须晚于开始时间。");
        if (a.MaxAttempts is < 1 or > 10) return (null, "作答次数需在 1-10 次之间。");
        if (a.TimeLimitMinutes is { } limit && (a.Kind == AssignmentKind.Mock || limit is < 1 or > MaxTimeLimitMinutes))
        {
            return (null, a.Kind == AssignmentKind.Mock
                ? "整套模拟题按考试时间分部分计时（共 125 分钟），不需要另设限时。"
                : $"限时需在 1-{MaxTimeLimitMinutes} 分钟之间；不限时请留空。");
        }
        var problem = a.Kind switch
        {
            AssignmentKind.Picked when a.ItemIds.Count == 0 => "请至少选择一道题目。",
            AssignmentKind.Rule when a.Rule is null => "请填写抽题规则。",
            AssignmentKind.Rule => a.Rule.Problem(),
            _ => null,
        };
        if (problem is not null) return (null, problem);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var teacherId = await CourseService.Owned(db, teacher).Where(c => c.Id == a.CourseId).Select(c => c.TeacherId).FirstOrDefaultAsync(cancellationToken);
        if (teacherId is null) return (null, "课程不存在，或不是你的课程。");
        var assignment = new Assignment
        {
            CourseId = a.CourseId, Title = a.Title.Trim(), OpenUtc = a.OpenUtc, DueUtc = a.DueUtc, MaxAttempts = a.MaxAttempts,
            Feedback = a.Feedback, Kind = a.Kind, TimeLimitMinutes = a.TimeLimitMinutes, CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        switch (a.Kind)
        {
            case AssignmentKind.Picked:
                var ids = a.ItemIds.Distinct().ToList();
                var usable = await db.Items.Where(i => ids.Contains(i.Id) && i.Status == ItemStatus.Published && (i.OwnerId == null || i.OwnerId == teacher.UserId || teacher.IsAdmin))
                    .Select(i => i.Id).ToListAsync(cancellationToken);
                if (usable.Count != ids.Count) return (null, "有的题目不存在、未发布或不是你可以布置的题目。");
                assignment.Items = ids.Select((id, i) => new AssignmentItem { Position = i, ItemId = id }).ToList();
                break;
            case AssignmentKind.Rule:
                var rule = a.Rule!.Normalized();
                var matching = await rule.Matching(db, teacherId).CountAsync(cancellationToken);
                if (matching < rule.Count) return (null, $"符合规则的题目只有 {matching} 组，少于要抽取的 {rule.Count} 组。请放宽条件或减少数量。");
                (assignment.RuleSection, assignment.RuleType, assignment.RuleTag) = (rule.Section, rule.Type, rule.Tag);
                (assignment.RuleMinDifficulty, assignment.RuleMaxDifficulty, assignment.RuleCount) = (rule.MinDifficulty, rule.MaxDifficulty, rule.Count);
                break;
            case AssignmentKind.Mock:
                if (await new PaperAssembler(contexts).AssembleAsync(0, null, cancellationToken) is null)
                    return (null, "题库中已发布的题目还不够组成一套完整的模拟卷（57 题），暂时不能布置整套模拟题。");
                break;
            default:
                return (null, "请选择作业类型。");
        }
        db.Assignments.Add(assignment);
        await db.SaveChangesAsync(cancellationToken);
        return (assignment.Id, null);
    }

    // How many items a rule would draw from on this course now, so the teacher sees it before publishing.
    public async Task<int?> MatchingCountAsync(int courseId, AssignmentRule rule, Viewer teacher, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var teacherId = await CourseService.Owned(db, teacher).Where(c => c.Id == courseId).Select(c => c.TeacherId).FirstOrDefaultAsync(cancellationToken);
        return teacherId is null ? null : await rule.Matching(db, teacherId).CountAsync(cancellationToken);
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
            .Select(x => new AssignmentRow(x.a.Id, x.a.CourseId, x.Name, x.a.Title, x.a.OpenUtc, x.a.DueUtc, x.a.Kind == AssignmentKind.Rule ? x.a.RuleCount : x.a.Items.Count, x.a.MaxAttempts, x.a.Feedback,
                db.PracticeSessions.Count(s => s.AssignmentId == x.a.Id && s.StudentId == studentId),
                db.PracticeSessions.Any(s => s.AssignmentId == x.a.Id && s.StudentId == studentId && s.Status == SessionStatus.Completed),
                db.PracticeSessions.Where(s => s.AssignmentId == x.a.Id && s.StudentId == studentId && s.Status == SessionStatus.Active)
                    .Select(s => (int?)s.Id).FirstOrDefault(),
                x.a.IsDraft, x.a.Kind, x.a.TimeLimitMinutes,
                db.PracticeSessions.Where(s => s.AssignmentId == x.a.Id && s.StudentId == studentId && s.Status == SessionStatus.Completed)
                    .Min(s => s.CompletedUtc)));
}
