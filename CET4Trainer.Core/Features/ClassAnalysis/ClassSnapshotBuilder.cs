using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Core.Features.StudyPlans;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.ClassAnalysis;

// Gathers a course's statistics and a few samples of each student's work, with every student replaced
// by a label and every student-written text passed through the Redactor.
public sealed class ClassSnapshotBuilder(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public const int WindowDays = LearnerStatistics.WindowDays;
    public const int RecentDays = 14;
    public const int WrongSamples = 3;
    public const int ExcerptLength = 300;

    private sealed record Totals(string StudentId, ItemType Type, bool Recent, int Questions, int Correct, double Points, double MaxPoints);

    public async Task<ClassSnapshot> BuildAsync(int courseId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-WindowDays);
        var recentFrom = now.AddDays(-RecentDays);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var members = await db.CourseMembers.AsNoTracking().Where(m => m.CourseId == courseId && m.RemovedUtc == null)
            .Join(db.Users, m => m.StudentId, u => u.Id, (m, u) => new { m.StudentId, m.JoinedUtc, u.DisplayName, u.Email, u.UserName, u.StudentNumber })
            .OrderBy(m => m.JoinedUtc).ThenBy(m => m.StudentId).ToListAsync(cancellationToken);
        var ids = members.Select(m => m.StudentId).ToList();
        var redactor = new Redactor(members.SelectMany(m => new[] { m.DisplayName, m.Email, m.UserName, m.StudentNumber, m.StudentId }));

        var totals = await db.Answers.AsNoTracking().Where(a => ids.Contains(a.StudentId) && a.IsFinal && a.AnsweredUtc >= since)
            .Join(db.Items, a => a.ItemId, i => i.Id, (a, i) => new { a.StudentId, i.Type, Recent = a.AnsweredUtc >= recentFrom, a.IsCorrect, a.Score, a.MaxScore })
            .GroupBy(x => new { x.StudentId, x.Type, x.Recent })
            .Select(g => new Totals(g.Key.StudentId, g.Key.Type, g.Key.Recent, g.Count(), g.Count(x => x.IsCorrect == true), g.Sum(x => x.Score ?? 0), g.Sum(x => x.MaxScore)))
            .ToListAsync(cancellationToken);
        var lastPractice = await db.Answers.AsNoTracking().Where(a => ids.Contains(a.StudentId))
            .GroupBy(a => a.StudentId).Select(g => new { StudentId = g.Key, Last = g.Max(a => a.AnsweredUtc) })
            .ToDictionaryAsync(x => x.StudentId, x => x.Last, cancellationToken);
        var due = await db.Assignments.AsNoTracking().Where(a => a.CourseId == courseId && !a.IsDraft && a.DueUtc <= now).Select(a => a.Id).ToListAsync(cancellationToken);
        var completed = await db.PracticeSessions.AsNoTracking()
            .Where(s => s.AssignmentId != null && due.Contains(s.AssignmentId.Value) && ids.Contains(s.StudentId) && s.Status == SessionStatus.Completed)
            .Select(s => new { s.StudentId, s.AssignmentId }).Distinct().ToListAsync(cancellationToken);

        var labels = new Dictionary<string, string>();
        var students = new List<StudentSnapshot>();
        for (var i = 0; i < members.Count; i++)
        {
            var id = members[i].StudentId;
            var label = StudentLabels.For(i);
            labels[label] = id;
            var mine = totals.Where(t => t.StudentId == id).ToList();
            int? idle = lastPractice.TryGetValue(id, out var last) ? (int)(now - last).TotalDays : null;
            students.Add(new StudentSnapshot(
                label, mine.Sum(t => t.Questions), Share(mine), mine.Where(t => t.Recent).Sum(t => t.Questions), Share(mine.Where(t => t.Recent)),
                mine.Where(t => !t.Recent).Sum(t => t.Questions), Share(mine.Where(t => !t.Recent)), idle, due.Count, completed.Count(c => c.StudentId == id),
                WeakTypes(mine), await WrongAnswersAsync(db, id, since, redactor, cancellationToken), await ExcerptsAsync(db, id, since, redactor, cancellationToken)));
        }
        var types = totals.GroupBy(t => t.Type).OrderBy(g => g.Key).Select(g =>
        {
            var all = Sum(g.Key, g);
            return new TypeTrend(ItemTypes.SectionOf(g.Key), g.Key, all.Questions, Math.Round(LearnerStatistics.Accuracy(all), 3),
                Math.Round(LearnerStatistics.PointsPerMinute(all), 2), g.Where(t => t.Recent).Sum(t => t.Questions), Share(g.Where(t => t.Recent)),
                g.Where(t => !t.Recent).Sum(t => t.Questions), Share(g.Where(t => !t.Recent)));
        }).ToList();
        return new ClassSnapshot(new ClassAnalysisInput(members.Count, WindowDays, RecentDays, due.Count, types, students), labels);
    }

    // The share right (points for essays) over mixed types; null without answers.
    private static double? Share(IEnumerable<Totals> rows)
    {
        var list = rows.ToList();
        var max = list.Sum(t => t.MaxPoints);
        return list.Sum(t => t.Questions) == 0 || max <= 0 ? null : Math.Round(list.Sum(t => t.Points) / max, 3);
    }

    private static TypeTotals Sum(ItemType type, IEnumerable<Totals> rows)
    {
        var list = rows.ToList();
        return new TypeTotals(type, list.Sum(t => t.Questions), list.Sum(t => t.Correct), list.Sum(t => t.Points), list.Sum(t => t.MaxPoints));
    }

    private static IReadOnlyList<TypeAccuracy> WeakTypes(IEnumerable<Totals> rows) => rows.GroupBy(t => t.Type)
        .Select(g => Sum(g.Key, g)).Where(t => t.Questions >= 3)
        .Select(t => new TypeAccuracy(t.Type, t.Questions, Math.Round(LearnerStatistics.Accuracy(t), 3)))
        .OrderBy(t => t.Accuracy).Take(2).ToList();

    private static async Task<IReadOnlyList<WrongAnswerSample>> WrongAnswersAsync(AppDbContext db, string studentId, DateTime since, Redactor redactor,
        CancellationToken cancellationToken)
    {
        var wrong = await db.Answers.AsNoTracking().Where(a => a.StudentId == studentId && a.IsFinal && a.IsCorrect == false && a.AnsweredUtc >= since)
            .Join(db.Questions, a => a.QuestionId, q => q.Id, (a, q) => new { a.Response, a.AnsweredUtc, q.Number, q.Stem, q.Options, q.Answer, q.ItemId })
            .OrderByDescending(x => x.AnsweredUtc).Take(WrongSamples).ToListAsync(cancellationToken);
        var itemIds = wrong.Select(w => w.ItemId).Distinct().ToList();
        var items = await db.Items.AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        return wrong.Where(w => items.ContainsKey(w.ItemId)).Select(w =>
        {
            var item = items[w.ItemId];
            var question = string.IsNullOrWhiteSpace(w.Stem) ? $"{item.Title} 第 {w.Number} 空" : w.Stem;
            return new WrongAnswerSample(item.Type, Cut(redactor.Apply(question), 160), Cut(redactor.Apply(Choice(item, w.Options, w.Response)), 120),
                Cut(Choice(item, w.Options, w.Answer), 120));
        }).ToList();
    }

    // A letter answer with the words it stands for: "B（abandon）".
    private static string Choice(Item item, List<string> options, string letter)
    {
        var text = letter.Trim();
        var index = text.Length == 1 ? char.ToUpperInvariant(text[0]) - 'A' : -1;
        var words = item.Type == ItemType.BankedCloze ? item.Content.WordBank : options;
        return index >= 0 && index < words.Count ? $"{text}（{words[index]}）" : text;
    }

    private static async Task<IReadOnlyList<string>> ExcerptsAsync(AppDbContext db, string studentId, DateTime since, Redactor redactor,
        CancellationToken cancellationToken)
    {
        var essays = await db.Answers.AsNoTracking().Where(a => a.StudentId == studentId && a.IsFinal && a.AnsweredUtc >= since)
            .Join(db.Items.Where(i => i.Type == ItemType.Writing || i.Type == ItemType.Translation), a => a.ItemId, i => i.Id, (a, i) => new { a.Response, a.AnsweredUtc })
            .OrderByDescending(x => x.AnsweredUtc).Select(x => x.Response).Take(1).ToListAsync(cancellationToken);
        return essays.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => Cut(redactor.Apply(e.Trim()), ExcerptLength)).ToList();
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
