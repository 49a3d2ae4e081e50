using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Scoring;

namespace CET4Trainer.Core.Features.Analytics;

// A week of one student's work. Rate is points scored over points possible; Estimate is the 710-scale
// estimate as it stood at the week's end, from the four weeks before it.
public sealed record WeekPoint(DateOnly Start, int Answered, double? Rate, double? Estimate);

public sealed record TypeCell(ItemType Type, HeatCell Cell);

public sealed record RecentAnswer(DateTime AnsweredUtc, int ItemId, string Title, ItemType Type, int Number, bool? IsCorrect, double? Score, double MaxScore);

public static class StudentFigures
{
    public const int Weeks = 8;
    public const int CurrentDays = 28;
    public const int RecentCount = 20;
    public const int WeakCount = 3;

    // Weeks start on Monday, as a Chinese school week does.
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    // The earliest answer the trend needs: the first week's start, less the estimate's four weeks.
    public static DateOnly FirstDayNeeded(DateOnly today) => WeekStart(today).AddDays(-7 * (Weeks - 1) - CurrentDays);

    public static IReadOnlyList<WeekPoint> Trend(IReadOnlyList<AnswerFact> answers, Func<DateTime, DateOnly> localDay, DateOnly today)
    {
        var days = answers.Select(a => (a, day: localDay(a.AnsweredUtc))).ToList();
        var thisWeek = WeekStart(today);
        return Enumerable.Range(0, Weeks).Select(i => thisWeek.AddDays(-7 * (Weeks - 1 - i))).Select(start =>
        {
            var end = start.AddDays(7);
            var week = days.Where(x => x.day >= start && x.day < end).Select(x => x.a).ToList();
            var max = week.Sum(a => a.MaxScore);
            double? rate = week.Count == 0 || max <= 0 ? null : week.Sum(a => a.Score ?? 0) / max;
            var estimate = ClassFigures.Estimate(days.Where(x => x.day >= end.AddDays(-CurrentDays) && x.day < end).Select(x => x.a));
            return new WeekPoint(start, week.Count, rate, estimate?.Total);
        }).ToList();
    }

    public static IReadOnlyList<TypeCell> Types(IEnumerable<AnswerFact> answers) => answers.GroupBy(a => a.Type).OrderBy(g => ClassFigures.TypeOrder(g.Key))
        .Select(g => new TypeCell(g.Key, HeatCell.Of(g, ItemTypes.IsConstructedResponse(g.Key)))).ToList();

    // The types with enough evidence, weakest first.
    public static IReadOnlyList<TypeCell> Weak(IReadOnlyList<TypeCell> types) => types.Where(t => t.Cell.Band != HeatBand.TooLittle)
        .OrderBy(t => t.Cell.Accuracy).ThenBy(t => ClassFigures.TypeOrder(t.Type)).Take(WeakCount).ToList();

    public static IReadOnlyList<RecentAnswer> Recent(IEnumerable<AnswerFact> answers, IReadOnlyDictionary<int, string> titles) => answers
        .OrderByDescending(a => a.AnsweredUtc).ThenByDescending(a => a.Id).Take(RecentCount)
        .Select(a => new RecentAnswer(a.AnsweredUtc, a.ItemId, titles.GetValueOrDefault(a.ItemId, $"题目 {a.ItemId}"), a.Type, a.QuestionNumber, a.IsCorrect, a.Score, a.MaxScore))
        .ToList();
}
