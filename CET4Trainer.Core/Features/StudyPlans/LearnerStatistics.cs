using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Core.Features.Scoring;
using Microsoft.EntityFrameworkCore;

namespace CET4Trainer.Core.Features.StudyPlans;

public sealed record TypeTotals(ItemType Type, int Questions, int Correct, double Points, double MaxPoints);

public sealed record LearnerStats(IReadOnlyList<AreaStat> Areas, IReadOnlyList<SectionScore> Sections, double EstimatedTotal, bool Enough)
{
    // The areas worth most practice first.
    public IReadOnlyList<AreaStat> Ranked => Areas.OrderByDescending(a => a.PointsPerMinute).ToList();
}

// Per-type results of one student or of a class taken together, over the recent window the dashboard uses.
public sealed class LearnerStatistics(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public const int WindowDays = 60;

    public async Task<LearnerStats> ForStudentsAsync(IReadOnlyCollection<string> studentIds, CancellationToken cancellationToken = default)
    {
        if (studentIds.Count == 0) return Summarise([]);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-WindowDays);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var totals = await db.Answers.AsNoTracking()
            .Where(a => studentIds.Contains(a.StudentId) && a.IsFinal && a.AnsweredUtc >= since)
            .Join(db.Items, a => a.ItemId, i => i.Id, (a, i) => new { i.Type, a.IsCorrect, a.Score, a.MaxScore })
            .GroupBy(x => x.Type)
            .Select(g => new TypeTotals(g.Key, g.Count(), g.Count(x => x.IsCorrect == true), g.Sum(x => x.Score ?? 0), g.Sum(x => x.MaxScore)))
            .ToListAsync(cancellationToken);
        return Summarise(totals);
    }

    public static LearnerStats Summarise(IReadOnlyList<TypeTotals> totals)
    {
        var areas = ExamScale.PaperTypes.Select(type =>
        {
            var t = totals.FirstOrDefault(x => x.Type == type) ?? new TypeTotals(type, 0, 0, 0, 0);
            return new AreaStat(ItemTypes.SectionOf(type), type, t.Questions, Accuracy(t), PointsPerMinute(t));
        }).ToList();
        var estimate = ScoreEstimator.Estimate(totals.Select(t => new ScoreEstimator.TypeResult(t.Type, t.Points, t.MaxPoints, t.Questions)).ToList());
        var sections = estimate.Sections.Select(s => new SectionScore(s.Section, Math.Round(s.Estimate, 1), s.Max)).ToList();
        return new LearnerStats(areas, sections, Math.Round(estimate.Total, 1), estimate.Enough);
    }

    public static double Accuracy(TypeTotals t) =>
        t.Questions == 0 ? 0 : ItemTypes.IsConstructedResponse(t.Type) ? (t.MaxPoints <= 0 ? 0 : t.Points / t.MaxPoints) : t.Correct / (double)t.Questions;

    // Points a minute of practice may still recover, as the adaptive planner weighs types. Essays have no
    // right or wrong: their error rate is the share of points missed, with one half-marked essay as the prior.
    public static double PointsPerMinute(TypeTotals t)
    {
        if (!ItemTypes.IsConstructedResponse(t.Type)) return AdaptivePlanner.PointsPerMinute(new TypeRecord(t.Type, t.Questions, t.Correct));
        var half = ExamScale.HolisticMax / 2;
        var errorRate = 1 - (t.Points + half) / (t.MaxPoints + ExamScale.HolisticMax);
        return Math.Max(0, errorRate) * ExamScale.ScaledPointsPerQuestion(t.Type) / ExamScale.MinutesPerQuestion(t.Type);
    }
}
