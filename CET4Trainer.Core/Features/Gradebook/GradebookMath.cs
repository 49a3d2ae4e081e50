using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Scoring;

namespace CET4Trainer.Core.Features.Gradebook;

// The gradebook's arithmetic, kept apart from the queries so each rule can be checked on its own.
public static class GradebookMath
{
    // The exam's four reported sections; vocabulary drills carry no exam points and are left out.
    public static readonly Section[] Sections = [Section.Listening, Section.Reading, Section.Writing, Section.Translation];

    public static double? Percent(double score, double max) => max > 0 ? Math.Clamp(score / max * 100, 0, 100) : null;

    // What one item of a session can earn, by the same rule the grader uses for each question.
    public static double ItemMax(ItemType type, int questions) =>
        ItemTypes.IsConstructedResponse(type)
            ? ExamScale.HolisticMax
            : (ExamScale.RawPointsPerQuestion(type) is var p && p > 0 ? p : 1) * Math.Max(questions, 0);

    // Lateness is judged by the first hand-in: a later, better retry does not make on-time work late.
    public static GradeStatus Status(IReadOnlyList<Attempt> attempts, DateTime dueUtc, DateTime nowUtc)
    {
        var firstDone = attempts.Where(a => a.Completed).Select(a => a.CompletedUtc ?? a.StartedUtc).DefaultIfEmpty(DateTime.MaxValue).Min();
        if (firstDone != DateTime.MaxValue) return firstDone > dueUtc ? GradeStatus.Late : GradeStatus.Completed;
        if (nowUtc > dueUtc) return GradeStatus.Missing;
        return attempts.Count > 0 ? GradeStatus.InProgress : GradeStatus.NotStarted;
    }

    // The completed attempt with the highest share of the points; on a tie, the earlier one.
    public static Attempt? Best(IEnumerable<Attempt> attempts) =>
        attempts.Where(a => a.Completed).OrderByDescending(a => a.Percent ?? -1).ThenBy(a => a.CompletedUtc).FirstOrDefault();

    public static GradeCell Cell(int assignmentId, IReadOnlyList<Attempt> attempts, DateTime dueUtc, DateTime nowUtc)
    {
        var best = Best(attempts);
        return new GradeCell(assignmentId, Status(attempts, dueUtc, nowUtc), attempts.Count, best?.Score, best?.Max, best?.Percent);
    }

    public static bool IsDone(GradeStatus status) => status is GradeStatus.Completed or GradeStatus.Late;

    // Work handed in counts at its best score and missing work as zero; work not yet due is left out.
    public static double? StudentAverage(IEnumerable<GradeCell> cells)
    {
        var counted = cells.Where(c => IsDone(c.Status) && c.Percent is not null || c.Status == GradeStatus.Missing)
            .Select(c => c.Status == GradeStatus.Missing ? 0 : c.Percent!.Value).ToList();
        return counted.Count == 0 ? null : counted.Average();
    }

    // The class average is over the students who handed the work in, so it says how well it went;
    // the done and missing counts say how many did it.
    public static (double? Average, int Done, int Late, int Missing) Column(IReadOnlyCollection<GradeCell> cells)
    {
        var scored = cells.Where(c => IsDone(c.Status) && c.Percent is not null).Select(c => c.Percent!.Value).ToList();
        return (scored.Count == 0 ? null : scored.Average(), cells.Count(c => IsDone(c.Status)), cells.Count(c => c.Status == GradeStatus.Late),
            cells.Count(c => c.Status == GradeStatus.Missing));
    }

    public sealed record Scored(ItemType Type, double Score, double Max);

    public static IReadOnlyList<SectionScore> SectionScores(IReadOnlyCollection<Scored> answers) =>
        Sections.Select(section =>
        {
            var mine = answers.Where(a => ItemTypes.SectionOf(a.Type) == section).ToList();
            return new SectionScore(section, mine.Sum(a => a.Score), mine.Sum(a => a.Max), mine.Count);
        }).ToList();

    // The 710-scale estimate from the same answers; none at all when nothing of the paper was answered,
    // because the estimator would otherwise report its neutral prior as if it were a result.
    public static ScoreEstimate? Estimate(IReadOnlyCollection<Scored> answers)
    {
        var results = answers.Where(a => ExamScale.PaperTypes.Contains(a.Type)).GroupBy(a => a.Type)
            .Select(g => new ScoreEstimator.TypeResult(g.Key, g.Sum(a => a.Score), g.Sum(a => a.Max), g.Count())).ToList();
        return results.Count == 0 ? null : ScoreEstimator.Estimate(results);
    }
}
