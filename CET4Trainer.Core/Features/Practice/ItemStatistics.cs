using CET4Trainer.Core.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CET4Trainer.Core.Features.Practice;

// Item statistics for teachers, recomputed from final answers in the background so the answer path
// stays one round trip: attempts, facility (share right) and discrimination (upper 27% of students by
// overall accuracy minus lower 27%, on this question).
public sealed class ItemStatistics(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<int> RecomputeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var answers = await db.Answers.AsNoTracking().Where(a => a.IsFinal && a.IsCorrect != null)
            .Select(a => new { a.QuestionId, a.StudentId, Correct = a.IsCorrect == true }).ToListAsync(cancellationToken);
        var ability = answers.GroupBy(a => a.StudentId).ToDictionary(g => g.Key, g => g.Average(a => a.Correct ? 1.0 : 0.0));
        var ranked = ability.OrderBy(p => p.Value).Select(p => p.Key).ToList();
        var groupSize = (int)Math.Ceiling(ranked.Count * 0.27);
        var lower = ranked.Take(groupSize).ToHashSet();
        var upper = ranked.Skip(ranked.Count - groupSize).ToHashSet();
        var changed = 0;
        foreach (var question in answers.GroupBy(a => a.QuestionId))
        {
            var attempts = question.Count();
            var right = question.Count(a => a.Correct);
            double? Share(HashSet<string> group) => question.Where(a => group.Contains(a.StudentId)).Select(a => a.Correct ? 1.0 : 0.0).DefaultIfEmpty(double.NaN).Average() is var v && !double.IsNaN(v) ? v : null;
            var discrimination = ranked.Count >= 4 && Share(upper) is { } hi && Share(lower) is { } lo ? hi - lo : (double?)null;
            changed += await db.Questions.Where(q => q.Id == question.Key).ExecuteUpdateAsync(s => s
                .SetProperty(q => q.Attempts, attempts)
                .SetProperty(q => q.CorrectCount, right)
                .SetProperty(q => q.Facility, right / (double)attempts)
                .SetProperty(q => q.Discrimination, discrimination), cancellationToken);
        }
        return changed;
    }
}

[DisallowConcurrentExecution]
public sealed class ItemStatisticsJob(ItemStatistics statistics) : IJob
{
    public static readonly JobKey Key = new("item-statistics", "practice");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await statistics.RecomputeAsync(cancellationToken);
}
