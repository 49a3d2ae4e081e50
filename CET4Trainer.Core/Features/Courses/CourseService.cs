using System.Security.Cryptography;
using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Items;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.Courses;

public sealed record CourseSummary(int Id, string Name, DateTime CreatedUtc, string JoinCode = "", int Students = 0);

public sealed record MemberRow(string StudentId, string Name, string Email, DateTime JoinedUtc);

public sealed record JoinResult(int? CourseId, string? CourseName, string? Error);

// Courses and their rosters. A teacher reaches only their own courses, whatever id they try; admins reach all.
public sealed class CourseService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task<IReadOnlyList<CourseSummary>> ListActiveAsync(string teacherId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Courses.AsNoTracking()
            .Where(c => c.TeacherId == teacherId && c.ArchivedUtc == null)
            .OrderBy(c => c.Name)
            .Select(c => new CourseSummary(c.Id, c.Name, c.CreatedUtc, c.JoinCode,
                db.CourseMembers.Count(m => m.CourseId == c.Id && m.RemovedUtc == null)))
            .ToListAsync(cancellationToken);
    }

    public async Task<CourseSummary?> GetAsync(int courseId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Owned(db, viewer).Where(c => c.Id == courseId)
            .Select(c => new CourseSummary(c.Id, c.Name, c.CreatedUtc, c.JoinCode, db.CourseMembers.Count(m => m.CourseId == c.Id && m.RemovedUtc == null)))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<(int? Id, string? Error)> CreateAsync(string name, Viewer teacher, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > 100) return (null, "课程名称需要 1-100 个字符。");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var course = new Course { Name = name, TeacherId = teacher.UserId, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        do
        {
            course.JoinCode = new string(Enumerable.Range(0, 6).Select(_ => CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)]).ToArray());
        }
        while (await db.Courses.AnyAsync(c => c.JoinCode == course.JoinCode, cancellationToken));
        db.Courses.Add(course);
        await db.SaveChangesAsync(cancellationToken);
        return (course.Id, null);
    }

    // Renames the viewer's course; null when done, otherwise why not.
    public async Task<string?> RenameAsync(int courseId, string name, Viewer viewer, CancellationToken cancellationToken = default)
    {
        name = (name ?? "").Trim();
        if (name.Length is 0 or > 100) return "课程名称需要 1-100 个字符。";
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var renamed = await Owned(db, viewer).Where(c => c.Id == courseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, name), cancellationToken);
        return renamed == 1 ? null : "课程不存在，或不是你的课程。";
    }

    public async Task<bool> ArchiveAsync(int courseId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return await Owned(db, viewer).Where(c => c.Id == courseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ArchivedUtc, now), cancellationToken) == 1;
    }

    public async Task<JoinResult> JoinAsync(string studentId, string code, CancellationToken cancellationToken = default)
    {
        code = code.Trim().ToUpperInvariant();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var course = await db.Courses.FirstOrDefaultAsync(c => c.JoinCode == code && c.ArchivedUtc == null, cancellationToken);
        if (course is null) return new(null, null, "加入码不正确，或这门课程已经结束。请向老师确认。");
        var member = await db.CourseMembers.FirstOrDefaultAsync(m => m.CourseId == course.Id && m.StudentId == studentId, cancellationToken);
        if (member is null) db.CourseMembers.Add(new CourseMember { CourseId = course.Id, StudentId = studentId, JoinedUtc = clock.GetUtcNow().UtcDateTime });
        else member.RemovedUtc = null;
        await db.SaveChangesAsync(cancellationToken);
        return new(course.Id, course.Name, null);
    }

    public async Task<IReadOnlyList<MemberRow>?> MembersAsync(int courseId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await Owned(db, viewer).AnyAsync(c => c.Id == courseId, cancellationToken)) return null;
        return await db.CourseMembers.AsNoTracking().Where(m => m.CourseId == courseId && m.RemovedUtc == null)
            .Join(db.Users, m => m.StudentId, u => u.Id, (m, u) => new { u.Id, Name = u.DisplayName ?? u.Email ?? "", Email = u.Email ?? "", m.JoinedUtc })
            .OrderBy(m => m.Name)
            .Select(m => new MemberRow(m.Id, m.Name, m.Email, m.JoinedUtc))
            .ToListAsync(cancellationToken);
    }

    // Ends a student's membership; their answers and sessions stay.
    public async Task<bool> RemoveMemberAsync(int courseId, string studentId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await Owned(db, viewer).AnyAsync(c => c.Id == courseId, cancellationToken)) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.CourseMembers.Where(m => m.CourseId == courseId && m.StudentId == studentId && m.RemovedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.RemovedUtc, now), cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<CourseSummary>> StudentCoursesAsync(string studentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CourseMembers.AsNoTracking().Where(m => m.StudentId == studentId && m.RemovedUtc == null)
            .Join(db.Courses.Where(c => c.ArchivedUtc == null), m => m.CourseId, c => c.Id, (m, c) => new CourseSummary(c.Id, c.Name, c.CreatedUtc))
            .ToListAsync(cancellationToken);
    }

    internal static IQueryable<Course> Owned(AppDbContext db, Viewer viewer) =>
        viewer.IsAdmin ? db.Courses : db.Courses.Where(c => c.TeacherId == viewer.UserId);
}
