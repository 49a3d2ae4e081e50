using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.Gradebook;

// Students (current members) x published assignments of one course. A teacher reaches only their own
// courses, whatever id they try; admins reach all. A fixed number of queries, however big the class.
public sealed class GradebookService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public async Task<GradebookSheet?> BuildAsync(int courseId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var course = await CourseService.Owned(db, viewer).AsNoTracking().Where(c => c.Id == courseId)
            .Select(c => new { c.Name, c.JoinCode }).FirstOrDefaultAsync(cancellationToken);
        if (course is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;

        var members = db.CourseMembers.Where(m => m.CourseId == courseId && m.RemovedUtc == null);
        var students = (await members.Join(db.Users, m => m.StudentId, u => u.Id, (m, u) => new { u.Id, Name = u.DisplayName ?? u.Email ?? "", Email = u.Email ?? "" })
            .AsNoTracking().ToListAsync(cancellationToken)).OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Email, StringComparer.Ordinal).ToList();
        var assignments = (await db.Assignments.AsNoTracking().Where(a => a.CourseId == courseId && !a.IsDraft)
            .Select(a => new { a.Id, a.Title, a.OpenUtc, a.DueUtc }).ToListAsync(cancellationToken)).OrderBy(a => a.DueUtc).ThenBy(a => a.Id).ToList();

        var courseWork = db.Assignments.Where(a => a.CourseId == courseId && !a.IsDraft).Select(a => (int?)a.Id);
        var sessionQuery = db.PracticeSessions.Where(s => courseWork.Contains(s.AssignmentId) && members.Select(m => m.StudentId).Contains(s.StudentId));
        var sessions = await sessionQuery.AsNoTracking()
            .Select(s => new { s.Id, s.StudentId, AssignmentId = s.AssignmentId!.Value, s.Status, s.CreatedUtc, Done = s.CompletedUtc ?? s.UpdatedUtc })
            .ToListAsync(cancellationToken);
        var sessionIds = sessionQuery.Select(s => s.Id);
        var sessionItems = await db.SessionItems.AsNoTracking().Where(i => sessionIds.Contains(i.SessionId)).Select(i => new { i.SessionId, i.ItemId })
            .ToListAsync(cancellationToken);
        var answers = await db.Answers.AsNoTracking().Where(a => a.IsFinal && sessionIds.Contains(a.SessionId))
            .Select(a => new { a.SessionId, a.ItemId, a.Score, a.MaxScore }).ToListAsync(cancellationToken);
        var itemIds = sessionItems.Select(i => i.ItemId).Concat(answers.Select(a => a.ItemId)).Distinct().ToList();
        var items = await db.Items.AsNoTracking().Where(i => itemIds.Contains(i.Id)).Select(i => new { i.Id, i.Type, Questions = i.Questions.Count })
            .ToDictionaryAsync(i => i.Id, cancellationToken);

        var answersBySession = answers.ToLookup(a => a.SessionId);
        var itemsBySession = sessionItems.ToLookup(i => i.SessionId);
        var attempts = sessions.ToLookup(s => (s.StudentId, s.AssignmentId), s =>
        {
            var earned = answersBySession[s.Id].ToList();
            // Unanswered questions still count against the score: the session's items set the maximum.
            var paper = itemsBySession[s.Id].Sum(i => items.TryGetValue(i.ItemId, out var item) ? GradebookMath.ItemMax(item.Type, item.Questions) : 0);
            return new Attempt(s.Id, s.Status == SessionStatus.Completed, s.CreatedUtc, s.Status == SessionStatus.Completed ? s.Done : null,
                earned.Sum(a => a.Score ?? 0), Math.Max(paper, earned.Sum(a => a.MaxScore)));
        });
        var studentOf = sessions.ToDictionary(s => s.Id, s => s.StudentId);
        var scoredByStudent = answers.Where(a => items.ContainsKey(a.ItemId))
            .ToLookup(a => studentOf[a.SessionId], a => new GradebookMath.Scored(items[a.ItemId].Type, a.Score ?? 0, a.MaxScore));

        var rows = students.Select(s =>
        {
            var cells = assignments.Select(a => GradebookMath.Cell(a.Id, attempts[(s.Id, a.Id)].ToList(), a.DueUtc, now)).ToList();
            var scored = scoredByStudent[s.Id].ToList();
            return new GradebookStudent(s.Id, s.Name, s.Email, cells, GradebookMath.SectionScores(scored), GradebookMath.Estimate(scored),
                GradebookMath.StudentAverage(cells));
        }).ToList();
        var columns = assignments.Select((a, index) =>
        {
            var (average, done, late, missing) = GradebookMath.Column(rows.Select(r => r.Cells[index]).ToList());
            return new GradebookColumn(a.Id, a.Title, a.OpenUtc, a.DueUtc, average, done, late, missing);
        }).ToList();
        return new GradebookSheet(courseId, course.Name, course.JoinCode, now, columns, rows);
    }
}
