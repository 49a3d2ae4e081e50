using System.Globalization;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Scoring;
using CET4Trainer.Core.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.Analytics;

public sealed record CourseAnalytics(int CourseId, string CourseName, AnalyticsScope Scope, DateTime FromUtc, IReadOnlyList<StudentRef> Students,
    IReadOnlyList<int> AssignmentIds, int Answers, ScoreOverview Overview, WeakAreaMap Heat, IReadOnlyList<ItemStat> Items);

public sealed record StudentAnalytics(int CourseId, string CourseName, string StudentId, string Name, DateTime FromUtc, ScoreEstimate? Estimate,
    IReadOnlyList<WeekPoint> Trend, IReadOnlyList<TypeCell> Types, IReadOnlyList<TypeCell> Weak, IReadOnlyList<RecentAnswer> Recent);

// Course statistics for the course's teacher (and admins). Null means "not yours or not there", so a
// page cannot tell another teacher's course from a missing one.
public sealed class AnalyticsService(IDbContextFactory<AppDbContext> contexts, LocalClock clock)
{
    private static readonly StringComparer ChineseOrder = StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), ignoreCase: true);

    public async Task<CourseAnalytics?> CourseAsync(int courseId, AnalyticsScope scope, Viewer viewer, CancellationToken cancellationToken = default)
    {
        scope = scope.Normalised();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var course = await CourseService.Owned(db, viewer).Where(c => c.Id == courseId).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(cancellationToken);
        if (course is null) return null;
        var students = await MembersAsync(db, courseId, null, cancellationToken);
        var assignments = await db.Assignments.AsNoTracking().Where(a => a.CourseId == courseId).Select(a => a.Id).ToListAsync(cancellationToken);
        var from = clock.Now().UtcDateTime.AddDays(-scope.Days);
        var answers = await FactsAsync(db, students.Select(s => s.Id).ToList(), from, scope.AssignmentsOnly ? assignments : null, cancellationToken);
        var titles = await TitlesAsync(db, answers, cancellationToken);
        return new CourseAnalytics(course.Id, course.Name, scope, from, students, assignments, answers.Count,
            ClassFigures.Overview(students, answers), ClassFigures.Heat(students, answers), ClassFigures.Items(answers, titles));
    }

    // Only a current member of a course the viewer owns; anyone else is refused like a missing course.
    public async Task<StudentAnalytics?> StudentAsync(int courseId, string studentId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var course = await CourseService.Owned(db, viewer).Where(c => c.Id == courseId).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(cancellationToken);
        if (course is null) return null;
        var student = (await MembersAsync(db, courseId, studentId, cancellationToken)).FirstOrDefault();
        if (student is null) return null;
        var today = clock.Today();
        var from = clock.ToUtc(StudentFigures.FirstDayNeeded(today).ToDateTime(TimeOnly.MinValue));
        var answers = await FactsAsync(db, [studentId], from, null, cancellationToken);
        var titles = await TitlesAsync(db, answers, cancellationToken);
        var currentFrom = clock.Now().UtcDateTime.AddDays(-StudentFigures.CurrentDays);
        var current = answers.Where(a => a.AnsweredUtc >= currentFrom).ToList();
        var types = StudentFigures.Types(current);
        return new StudentAnalytics(course.Id, course.Name, student.Id, student.Name, currentFrom, ClassFigures.Estimate(current),
            StudentFigures.Trend(answers, utc => DateOnly.FromDateTime(clock.ToLocal(utc)), today), types, StudentFigures.Weak(types),
            StudentFigures.Recent(answers, titles));
    }

    // Sorted here in pinyin order: the database would sort Chinese names by code point, which means nothing to a reader.
    private static async Task<List<StudentRef>> MembersAsync(AppDbContext db, int courseId, string? onlyStudent, CancellationToken cancellationToken)
    {
        var members = await db.CourseMembers.AsNoTracking().Where(m => m.CourseId == courseId && m.RemovedUtc == null && (onlyStudent == null || m.StudentId == onlyStudent))
            .Join(db.Users, m => m.StudentId, u => u.Id, (m, u) => new StudentRef(u.Id, u.DisplayName ?? u.Email ?? u.UserName ?? ""))
            .ToListAsync(cancellationToken);
        return members.OrderBy(m => m.Name, ChineseOrder).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
    }

    // Graded final answers only: an essay still waiting for its grade has nothing to count yet.
    private static async Task<List<AnswerFact>> FactsAsync(AppDbContext db, List<string> studentIds, DateTime fromUtc, List<int>? assignmentIds,
        CancellationToken cancellationToken)
    {
        if (studentIds.Count == 0) return [];
        var answers = db.Answers.AsNoTracking()
            .Where(a => studentIds.Contains(a.StudentId) && a.IsFinal && a.AnsweredUtc >= fromUtc && (a.IsCorrect != null || a.Score != null));
        if (assignmentIds is not null)
        {
            answers = answers.Where(a => db.PracticeSessions.Any(s => s.Id == a.SessionId && s.AssignmentId != null && assignmentIds.Contains(s.AssignmentId.Value)));
        }
        return await answers.Join(db.Items, a => a.ItemId, i => i.Id, (a, i) => new AnswerFact(a.Id, a.StudentId, a.ItemId, a.QuestionId, a.QuestionNumber, i.Type,
            a.IsCorrect, a.Score, a.MaxScore, a.AnsweredUtc)).ToListAsync(cancellationToken);
    }

    private static async Task<Dictionary<int, string>> TitlesAsync(AppDbContext db, List<AnswerFact> answers, CancellationToken cancellationToken)
    {
        var ids = answers.Select(a => a.ItemId).Distinct().ToList();
        return await db.Items.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Title, cancellationToken);
    }
}
