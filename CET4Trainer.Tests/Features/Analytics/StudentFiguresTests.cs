using CET4Trainer.Core.Features.Analytics;
using CET4Trainer.Core.Features.Items;

namespace CET4Trainer.Tests.Features.Analytics;

public sealed class StudentFiguresTests
{
    private static readonly DateOnly Sunday = new(2026, 11, 22);

    private static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(utc);

    [Theory]
    [InlineData(2026, 11, 22)]
    [InlineData(2026, 11, 16)]
    [InlineData(2026, 11, 17)]
    public void WeeksStartOnMonday(int y, int m, int d) => Assert.Equal(new DateOnly(2026, 11, 16), StudentFigures.WeekStart(new DateOnly(y, m, d)));

    [Fact]
    public void Trend_GivesEightWeeks_WithRateAndTheEstimateAtEachWeeksEnd()
    {
        var thursday = new DateTime(2026, 11, 19, 8, 0, 0, DateTimeKind.Utc);
        var lastWeek = new DateTime(2026, 11, 10, 8, 0, 0, DateTimeKind.Utc);
        var answers = Facts.Many("a", ItemType.ListeningNews, 2, 1, thursday).Append(Facts.Right("a", ItemType.ListeningNews, at: lastWeek)).ToList();

        var weeks = StudentFigures.Trend(answers, Day, Sunday);

        Assert.Equal(8, weeks.Count);
        Assert.Equal(new DateOnly(2026, 9, 28), weeks[0].Start);
        // This week: 2 of 3; estimate from all four news answers (0.75 x 49.7 + 28.4 + 71 + 124.25 + 106.5).
        Assert.Equal((3, 2 / 3.0), (weeks[7].Answered, weeks[7].Rate!.Value));
        Assert.Equal(367.425, weeks[7].Estimate!.Value, 6);
        // Last week: the one answer, right; the estimate then knew only that one.
        Assert.Equal((1, 1.0), (weeks[6].Answered, weeks[6].Rate!.Value));
        Assert.Equal(379.85, weeks[6].Estimate!.Value, 6);
        Assert.Equal((0, null, null), (weeks[5].Answered, weeks[5].Rate, weeks[5].Estimate));
    }

    [Fact]
    public void NoAnswers_GiveEightEmptyWeeks_NoTypes_AndNoWeakAreas()
    {
        var weeks = StudentFigures.Trend([], Day, Sunday);

        Assert.All(weeks, w => Assert.Equal((0, null, null), (w.Answered, w.Rate, w.Estimate)));
        Assert.Empty(StudentFigures.Weak(StudentFigures.Types([])));
    }

    [Fact]
    public void Weak_IsTheTypesWithEnoughEvidence_WeakestFirst()
    {
        var answers = Facts.Many("a", ItemType.CarefulReading, 4, 6)
            .Concat(Facts.Many("a", ItemType.BankedCloze, 1, 1))
            .Concat(Facts.Many("a", ItemType.ListeningNews, 5, 0))
            .Concat(Facts.Many("a", ItemType.LongReadingMatching, 1, 4)).ToList();

        var types = StudentFigures.Types(answers);
        var weak = StudentFigures.Weak(types);

        Assert.Equal([ItemType.ListeningNews, ItemType.BankedCloze, ItemType.LongReadingMatching, ItemType.CarefulReading], types.Select(t => t.Type));
        Assert.Equal([ItemType.LongReadingMatching, ItemType.CarefulReading, ItemType.ListeningNews], weak.Select(t => t.Type));
    }

    [Fact]
    public void Recent_IsTheLatestTwentyNewestFirst()
    {
        var answers = Enumerable.Range(0, 25).Select(i => Facts.Right("a", ItemType.CarefulReading, at: Facts.Monday.AddMinutes(i))).ToList();

        var recent = StudentFigures.Recent(answers, new Dictionary<int, string>());

        Assert.Equal(20, recent.Count);
        Assert.Equal(Facts.Monday.AddMinutes(24), recent[0].AnsweredUtc);
        Assert.Equal(Facts.Monday.AddMinutes(5), recent[^1].AnsweredUtc);
    }
}
