using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Generators;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Scoring;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.Practice;

public sealed record StartResult(int? SessionId, string? Error);

// Chooses the items of a new session and stores it: drills, adaptive daily practice, mistakes, mocks.
public sealed class SessionStarter(IDbContextFactory<AppDbContext> contexts, WordIndexProvider words, PaperAssembler papers, TimeProvider clock)
{
    public const int MaxLength = 50;

    public async Task<StartResult> StartDrillAsync(string studentId, ItemType? type, Section? section, int length, CancellationToken cancellationToken = default)
    {
        if (type is null && section is null) return new(null, "请选择一个部分或题型。");
        length = Math.Clamp(length, 1, MaxLength);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pool = Shared(db).Where(i => type == null ? i.Section == section : i.Type == type);
        var ids = await Fresh(db, pool, studentId, length, cancellationToken);
        if (ids.Count < length && type is { } t && ItemTypes.IsVocabulary(t))
        {
            // Vocabulary drills never run dry: the offline generator adds shared items on demand.
            ids.AddRange(await GenerateVocabularyAsync(db, t, length - ids.Count, cancellationToken));
        }
        if (ids.Count == 0) return new(null, "题库里暂时没有这种题目，请换一个题型，或请老师发布题目。");
        var title = type is { } chosen ? ItemTypes.ChineseName(chosen) : ItemTypes.ChineseName(section!.Value);
        return new(await SaveAsync(db, studentId, PracticeMode.Drill, $"专项练习：{title}", ids.Select(id => (id, 0)).ToList(), cancellationToken), null);
    }

    // Assignment mode for a member of the assignment's course; an unfinished attempt is resumed. A picked
    // assignment gives its items; a rule draws this student's items now, unseen ones first; a mock assembles
    // this student's paper and runs the exam's part clock (decision 0020).
    public async Task<StartResult> StartAssignmentAsync(string studentId, int assignmentId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var assignment = await db.Assignments.AsNoTracking().Include(a => a.Items).FirstOrDefaultAsync(a => a.Id == assignmentId && !a.IsDraft
            && db.CourseMembers.Any(m => m.CourseId == a.CourseId && m.StudentId == studentId && m.RemovedUtc == null), cancellationToken);
        if (assignment is null) return new(null, "找不到这份作业，或你不在这门课程里。");
        if (assignment.OpenUtc > now) return new(null, "这份作业还没有开始。");
        var attempts = await db.PracticeSessions.Where(s => s.AssignmentId == assignmentId && s.StudentId == studentId)
            .Select(s => new { s.Id, s.Status }).ToListAsync(cancellationToken);
        if (attempts.FirstOrDefault(a => a.Status == SessionStatus.Active) is { } open) return new(open.Id, null);
        if (attempts.Count >= assignment.MaxAttempts) return new(null, $"这份作业最多可以做 {assignment.MaxAttempts} 次，你已经用完了。");
        var title = $"作业：{assignment.Title}";
        switch (assignment.Kind)
        {
            case AssignmentKind.Mock:
                var paper = await MockItemsAsync(db, studentId, cancellationToken);
                if (paper is null) return new(null, "题库中的题目现在不够组成一套完整的模拟卷，请联系老师。");
                return new(await SaveAsync(db, studentId, PracticeMode.Mock, title, paper, cancellationToken, mock: true, assignmentId: assignmentId), null);
            case AssignmentKind.Rule:
                var teacherId = await db.Courses.Where(c => c.Id == assignment.CourseId).Select(c => c.TeacherId).FirstAsync(cancellationToken);
                var rule = assignment.Rule();
                var drawn = await Fresh(db, rule.Matching(db, teacherId), studentId, rule.Count, cancellationToken);
                if (drawn.Count == 0) return new(null, "题库里已经没有符合这份作业规则的题目，请联系老师。");
                return new(await SaveAsync(db, studentId, PracticeMode.Assignment, title, drawn.Select(id => (id, 0)).ToList(), cancellationToken, assignmentId: assignmentId), null);
            default:
                var items = assignment.Items.OrderBy(i => i.Position).Select(i => (i.ItemId, 0)).ToList();
                return new(await SaveAsync(db, studentId, PracticeMode.Assignment, title, items, cancellationToken, assignmentId: assignmentId), null);
        }
    }

    public async Task<StartResult> StartDailyAsync(string studentId, int length, CancellationToken cancellationToken = default)
    {
        length = Math.Clamp(length, 1, MaxLength);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var objective = ExamScale.PaperTypes.Where(t => !ItemTypes.IsConstructedResponse(t)).ToList();
        var records = await db.Answers.AsNoTracking().Where(a => a.StudentId == studentId && a.IsFinal)
            .Join(db.Items, a => a.ItemId, i => i.Id, (a, i) => new { i.Type, a.IsCorrect })
            .GroupBy(x => x.Type).Select(g => new { Type = g.Key, Attempts = g.Count(), Correct = g.Count(x => x.IsCorrect == true) })
            .ToListAsync(cancellationToken);
        var typeRecords = objective.Select(t => records.FirstOrDefault(r => r.Type == t) is { } r
            ? new TypeRecord(t, r.Attempts, r.Correct) : new TypeRecord(t, 0, 0)).ToList();
        var lastSeen = db.Answers.Where(a => a.StudentId == studentId);
        var candidates = await Shared(db).Where(i => objective.Contains(i.Type))
            .Select(i => new Candidate(i.Id, i.Type, lastSeen.Any(a => a.ItemId == i.Id),
                lastSeen.Where(a => a.ItemId == i.Id).Max(a => (DateTime?)a.AnsweredUtc)))
            .ToListAsync(cancellationToken);
        var plan = AdaptivePlanner.Plan(typeRecords, candidates, length, Seed(studentId));
        if (plan.Count == 0) return new(null, "题库里还没有可以练习的题目。");
        return new(await SaveAsync(db, studentId, PracticeMode.Daily, "每日练习", plan.Select(id => (id, 0)).ToList(), cancellationToken), null);
    }

    public async Task<StartResult> StartMistakesAsync(string studentId, int length, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = await db.Mistakes.AsNoTracking().Where(m => m.StudentId == studentId && m.ResolvedUtc == null)
            .GroupBy(m => m.ItemId).OrderByDescending(g => g.Max(m => m.CreatedUtc)).Select(g => g.Key)
            .Take(Math.Clamp(length, 1, MaxLength)).ToListAsync(cancellationToken);
        if (ids.Count == 0) return new(null, "错题本是空的：没有需要重做的题目。");
        return new(await SaveAsync(db, studentId, PracticeMode.Mistakes, "错题重做", ids.Select(id => (id, 0)).ToList(), cancellationToken), null);
    }

    public async Task<StartResult> StartMockAsync(string studentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var items = await MockItemsAsync(db, studentId, cancellationToken);
        if (items is null) return new(null, "题库中已发布的题目还不够组成一套完整的模拟卷（57 题）。");
        var id = await SaveAsync(db, studentId, PracticeMode.Mock, "全真模拟考试", items, cancellationToken, mock: true);
        return new(id, null);
    }

    // Unseen items if a whole paper can be made of them; otherwise any published items. Null if no paper can be made.
    private async Task<List<(int ItemId, int Part)>?> MockItemsAsync(AppDbContext db, string studentId, CancellationToken cancellationToken)
    {
        var seen = (await db.Answers.AsNoTracking().Where(a => a.StudentId == studentId).Select(a => a.ItemId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var paper = await papers.AssembleAsync(Seed(studentId), seen, cancellationToken) ?? await papers.AssembleAsync(Seed(studentId), null, cancellationToken);
        return paper?.Parts.SelectMany((part, index) => part.ItemIds.Select(id => (id, index))).ToList();
    }

    private static IQueryable<Item> Shared(AppDbContext db) =>
        db.Items.AsNoTracking().Where(i => i.Status == ItemStatus.Published && i.OwnerId == null);

    // Never-seen items first, in a random order that differs per student and day.
    private async Task<List<int>> Fresh(AppDbContext db, IQueryable<Item> pool, string studentId, int length, CancellationToken cancellationToken)
    {
        var seen = db.Answers.Where(a => a.StudentId == studentId);
        var rows = await pool.Select(i => new { i.Id, Seen = seen.Any(a => a.ItemId == i.Id) }).ToListAsync(cancellationToken);
        var random = new Random(Seed(studentId));
        return rows.OrderBy(r => r.Seen).ThenBy(_ => random.Next()).Take(length).Select(r => r.Id).ToList();
    }

    private async Task<List<int>> GenerateVocabularyAsync(AppDbContext db, ItemType type, int count, CancellationToken cancellationToken)
    {
        var index = await words.GetAsync(cancellationToken);
        var existing = await db.Items.Where(i => i.Type == type).Select(i => i.Title).ToListAsync(cancellationToken);
        var taken = existing.ToHashSet();
        var drafts = new VocabularyDrillGenerator(index).Generate(type, count * 3, (int)(clock.GetUtcNow().Ticks % int.MaxValue))
            .Where(d => taken.Add(d.Title)).Take(count).ToList();
        var items = drafts.Select(d => ItemMapper.ToNewItem(d, ItemSource.OfflineGenerator, ItemStatus.Published, ownerId: null)).ToList();
        db.Items.AddRange(items);
        await db.SaveChangesAsync(cancellationToken);
        return items.Select(i => i.Id).ToList();
    }

    private async Task<int> SaveAsync(AppDbContext db, string studentId, PracticeMode mode, string title, List<(int ItemId, int Part)> items,
        CancellationToken cancellationToken, bool mock = false, int? assignmentId = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new PracticeSession
        {
            StudentId = studentId,
            Mode = mode,
            Title = title,
            CreatedUtc = now,
            UpdatedUtc = now,
            MockStartedUtc = mock ? now : null,
            AssignmentId = assignmentId,
            Items = items.Select((x, i) => new SessionItem { Position = i, ItemId = x.ItemId, Part = x.Part }).ToList(),
        };
        db.PracticeSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    // Stable across restarts (string.GetHashCode is not): the same student gets the same order on the same day.
    private int Seed(string studentId)
    {
        var hash = 2166136261u;
        foreach (var c in studentId + clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd"))
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash & int.MaxValue);
    }
}
