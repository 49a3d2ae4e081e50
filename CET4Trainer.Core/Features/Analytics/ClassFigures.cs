using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Scoring;

namespace CET4Trainer.Core.Features.Analytics;

public sealed record StudentEstimate(string StudentId, string Name, int Answered, ScoreEstimate? Estimate);

public sealed record SectionSpread(Section Section, double Max, Spread? Spread);

public sealed record ScoreOverview(IReadOnlyList<StudentEstimate> Students, Spread? Total, IReadOnlyList<SectionSpread> Sections, IReadOnlyList<Bin> Distribution);

public sealed record HeatRow(string StudentId, string Name, IReadOnlyList<HeatCell> Cells);

public sealed record SectionCell(Section Section, HeatCell Cell);

// Rows line up with Columns: Cells[i] is the row's result on Columns[i].
public sealed record WeakAreaMap(IReadOnlyList<ItemType> Columns, HeatRow Class, IReadOnlyList<HeatRow> Students, IReadOnlyList<SectionCell> Sections);

public sealed record ItemStat(int ItemId, string Title, ItemType Type, int QuestionId, int Number, int Answered, double Facility, double? Discrimination, ItemFlag Flag);

// The class figures, computed from the answers alone so they can be checked by hand.
public static class ClassFigures
{
    public const double DistributionWidth = 50;

    public static readonly Section[] SectionOrder = [Section.Listening, Section.Reading, Section.Writing, Section.Translation, Section.Vocabulary];

    public static ScoreEstimate? Estimate(IEnumerable<AnswerFact> answers)
    {
        var results = answers.Where(a => ExamScale.PaperTypes.Contains(a.Type)).GroupBy(a => a.Type)
            .Select(g => new ScoreEstimator.TypeResult(g.Key, g.Sum(a => a.Score ?? 0), g.Sum(a => a.MaxScore), g.Count())).ToList();
        return results.Count == 0 ? null : ScoreEstimator.Estimate(results);
    }

    public static ScoreOverview Overview(IReadOnlyList<StudentRef> students, IReadOnlyList<AnswerFact> answers)
    {
        var byStudent = answers.ToLookup(a => a.StudentId);
        var estimates = students.Select(s => new StudentEstimate(s.Id, s.Name, byStudent[s.Id].Count(), Estimate(byStudent[s.Id]))).ToList();
        var estimated = estimates.Where(e => e.Estimate is not null).Select(e => e.Estimate!).ToList();
        var sections = SectionOrder.Where(s => s != Section.Vocabulary).Select(section => new SectionSpread(section, ExamScale.SectionMax(section),
            Spread.Of(estimated.Select(e => e.Sections.First(x => x.Section == section)).Where(x => x.Evidence > 0).Select(x => x.Estimate)))).ToList();
        var totals = estimated.Select(e => e.Total).ToList();
        return new ScoreOverview(estimates, Spread.Of(totals), sections, Distribution.Histogram(totals, DistributionWidth, ExamScale.TotalScaled));
    }

    // Exam order first (the paper's types), then vocabulary drills.
    public static int TypeOrder(ItemType type)
    {
        var index = Array.IndexOf(ExamScale.PaperTypes, type);
        return index >= 0 ? index : 100 + (int)type;
    }

    public static WeakAreaMap Heat(IReadOnlyList<StudentRef> students, IReadOnlyList<AnswerFact> answers)
    {
        var columns = answers.Select(a => a.Type).Distinct().OrderBy(TypeOrder).ToList();
        HeatRow Row(string id, string name, IEnumerable<AnswerFact> rows)
        {
            var byType = rows.ToLookup(a => a.Type);
            return new HeatRow(id, name, columns.Select(t => HeatCell.Of(byType[t], ItemTypes.IsConstructedResponse(t))).ToList());
        }
        var byStudent = answers.ToLookup(a => a.StudentId);
        var sections = SectionOrder.Select(s => (s, rows: answers.Where(a => ItemTypes.SectionOf(a.Type) == s).ToList())).Where(x => x.rows.Count > 0)
            .Select(x => new SectionCell(x.s, HeatCell.Of(x.rows, x.s is Section.Writing or Section.Translation))).ToList();
        return new WeakAreaMap(columns, Row("", "全班", answers), students.Select(s => Row(s.Id, s.Name, byStudent[s.Id])).ToList(), sections);
    }

    // Objective questions only: an essay has no right or wrong to split a class by. Each student counts once
    // per question, with their first answer in the window (later attempts follow feedback and would flatter it).
    public static IReadOnlyList<ItemStat> Items(IReadOnlyList<AnswerFact> answers, IReadOnlyDictionary<int, string> titles)
    {
        var objective = answers.Where(a => a.IsCorrect is not null).ToList();
        var ability = objective.GroupBy(a => a.StudentId).ToDictionary(g => g.Key, g => g.Count(a => a.IsCorrect == true) / (double)g.Count());
        return objective.GroupBy(a => a.QuestionId).Select(question =>
        {
            var first = question.GroupBy(a => a.StudentId).Select(g => g.OrderBy(a => a.AnsweredUtc).ThenBy(a => a.Id).First())
                .OrderBy(a => a.StudentId, StringComparer.Ordinal).ToList();
            var sample = first[0];
            var right = first.Count(a => a.IsCorrect == true);
            var discrimination = ItemDiscrimination.UpperLower(first.Select(a => new ItemDiscrimination.Response(ability[a.StudentId], a.IsCorrect == true)).ToList());
            return new ItemStat(sample.ItemId, titles.GetValueOrDefault(sample.ItemId, $"题目 {sample.ItemId}"), sample.Type, question.Key, sample.QuestionNumber,
                first.Count, ItemDiscrimination.Facility(right, first.Count)!.Value, discrimination, ItemDiscrimination.Flag(discrimination));
        }).OrderByDescending(s => s.Flag == ItemFlag.TooFew ? -1 : (int)s.Flag).ThenBy(s => s.Discrimination ?? double.MaxValue)
            .ThenBy(s => s.ItemId).ThenBy(s => s.Number).ToList();
    }
}
