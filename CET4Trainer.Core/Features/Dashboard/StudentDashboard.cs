using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Core.Features.Scoring;
using CET4Trainer.Core.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.Dashboard;

public sealed record WeakArea(ItemType Type, double PointsPerMinute, int Attempts, double Accuracy);

public sealed record DayResult(DateOnly Day, int Answered, int Correct);

public sealed record DashboardData(ScoreEstimate Estimate, int Streak, IReadOnlyList<WeakArea> WeakAreas, IReadOnlyList<DayResult> History, int OpenMistakes);

// What the student dashboard shows, computed from the student's own answers.
public sealed class StudentDashboard(IDbContextFactory<AppDbContext> contexts, LocalClock clock)
{
    public async Task<DashboardData> LoadAsync(string studentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var since = clock.Now().UtcDateTime.AddDays(-60);
        var answers = await db.Answers.AsNoTracking().Where(a => a.StudentId == studentId && a.IsFinal && a.AnsweredUtc >= since)
            .Join(db.Items, a => a.ItemId, i => i.Id, (a, i) => new { i.Type, a.IsCorrect, a.Score, a.MaxScore, a.AnsweredUtc })
            .ToListAsync(cancellationToken);
        var byType = answers.GroupBy(a => a.Type).ToDictionary(g => g.Key, g => g.ToList());
        var results = byType.Select(g => new ScoreEstimator.TypeResult(g.Key, g.Value.Sum(a => a.Score ?? 0), g.Value.Sum(a => a.MaxScore), g.Value.Count)).ToList();
        var weak = ExamScale.PaperTypes.Where(t => !ItemTypes.IsConstructedResponse(t)).Select(t =>
        {
            var list = byType.GetValueOrDefault(t) ?? [];
            var record = new TypeRecord(t, list.Count, list.Count(a => a.IsCorrect == true));
            return new WeakArea(t, AdaptivePlanner.PointsPerMinute(record), list.Count, list.Count == 0 ? 0 : record.Correct / (double)list.Count);
        }).OrderByDescending(w => w.PointsPerMinute).ToList();

        var days = answers.Select(a => DateOnly.FromDateTime(clock.ToLocal(a.AnsweredUtc))).ToList();
        var reviewed = await db.ReviewLog.AsNoTracking().Where(r => r.StudentId == studentId && r.ReviewedUtc >= since).Select(r => r.ReviewedUtc).ToListAsync(cancellationToken);
        var activeDays = days.Concat(reviewed.Select(r => DateOnly.FromDateTime(clock.ToLocal(r)))).ToHashSet();
        var today = clock.Today();
        var history = Enumerable.Range(0, 14).Select(i => today.AddDays(i - 13))
            .Select(d => new DayResult(d, answers.Count(a => DateOnly.FromDateTime(clock.ToLocal(a.AnsweredUtc)) == d && a.IsCorrect is not null),
                answers.Count(a => DateOnly.FromDateTime(clock.ToLocal(a.AnsweredUtc)) == d && a.IsCorrect == true))).ToList();
        var open = await db.Mistakes.CountAsync(m => m.StudentId == studentId && m.ResolvedUtc == null, cancellationToken);
        return new DashboardData(ScoreEstimator.Estimate(results), Streak(activeDays, today), weak, history, open);
    }

    // Consecutive days with practice or reviews, ending today (or yesterday, if today has none yet).
    public static int Streak(IReadOnlySet<DateOnly> activeDays, DateOnly today)
    {
        var day = activeDays.Contains(today) ? today : today.AddDays(-1);
        var streak = 0;
        while (activeDays.Contains(day))
        {
            streak++;
            day = day.AddDays(-1);
        }
        return streak;
    }
}
