using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Core.Features.Scoring;

public sealed record SectionEstimate(Section Section, double Estimate, double Low, double High, double Max, int Evidence);

public sealed record ScoreEstimate(IReadOnlyList<SectionEstimate> Sections, double Total, double TotalLow, double TotalHigh, bool Enough);

// An estimate of the 710-point score from practice, always labelled as an estimate: per type, the
// share of questions right (with a 90% Wilson interval) times the points the type carries in a paper.
public static class ScoreEstimator
{
    private const double Z = 1.645;

    public sealed record TypeResult(ItemType Type, double Points, double MaxPoints, int Questions);

    public static ScoreEstimate Estimate(IReadOnlyList<TypeResult> results)
    {
        var sections = new List<SectionEstimate>();
        foreach (var section in new[] { Section.Listening, Section.Reading, Section.Writing, Section.Translation })
        {
            double estimate = 0, low = 0, high = 0;
            var evidence = 0;
            foreach (var type in ExamScale.PaperTypes.Where(t => ItemTypes.SectionOf(t) == section))
            {
                var r = results.FirstOrDefault(x => x.Type == type);
                var weight = ExamScale.PaperRawPoints(type) * ExamScale.ScaleFactor;
                var (p, lo, hi) = r is null || r.MaxPoints <= 0 ? (0.5, 0.0, 1.0) : Wilson(r.Points / r.MaxPoints, ItemTypes.IsConstructedResponse(type) ? r.Questions * 3 : r.Questions);
                estimate += p * weight;
                low += lo * weight;
                high += hi * weight;
                evidence += r?.Questions ?? 0;
            }
            sections.Add(new SectionEstimate(section, estimate, low, high, ExamScale.SectionMax(section), evidence));
        }
        return new ScoreEstimate(sections, sections.Sum(s => s.Estimate), sections.Sum(s => s.Low), sections.Sum(s => s.High),
            sections.All(s => s.Evidence > 0));
    }

    // The Wilson score interval for a proportion p observed on n trials.
    public static (double P, double Low, double High) Wilson(double p, int n)
    {
        if (n <= 0) return (0.5, 0, 1);
        var z2 = Z * Z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = Z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return (p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
