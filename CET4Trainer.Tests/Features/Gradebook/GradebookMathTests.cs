using CET4Trainer.Core.Features.Gradebook;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Scoring;

namespace CET4Trainer.Tests.Features.Gradebook;

public sealed class GradebookMathTests
{
    private static readonly DateTime Due = new(2026, 11, 20, 16, 0, 0, DateTimeKind.Utc);

    private static Attempt Done(int id, DateTime at, double score, double max) => new(id, true, at.AddMinutes(-30), at, score, max);

    private static Attempt Open(int id) => new(id, false, Due.AddDays(-1), null, 3, 10);

    [Fact]
    public void Status_FollowsHandInTimeAndDueDate()
    {
        Assert.Equal(GradeStatus.NotStarted, GradebookMath.Status([], Due, Due.AddHours(-1)));
        Assert.Equal(GradeStatus.InProgress, GradebookMath.Status([Open(1)], Due, Due.AddHours(-1)));
        Assert.Equal(GradeStatus.Missing, GradebookMath.Status([], Due, Due.AddSeconds(1)));
        Assert.Equal(GradeStatus.Missing, GradebookMath.Status([Open(1)], Due, Due.AddDays(2)));
        Assert.Equal(GradeStatus.Completed, GradebookMath.Status([Done(1, Due, 5, 10)], Due, Due.AddDays(2)));
        Assert.Equal(GradeStatus.Late, GradebookMath.Status([Done(1, Due.AddMinutes(1), 5, 10)], Due, Due.AddDays(2)));
    }

    [Fact]
    public void Status_OnTimeHandIn_StaysCompleted_WhenALaterRetryIsLate()
    {
        var attempts = new[] { Done(2, Due.AddDays(1), 10, 10), Done(1, Due.AddHours(-2), 4, 10) };

        Assert.Equal(GradeStatus.Completed, GradebookMath.Status(attempts, Due, Due.AddDays(2)));
    }

    [Fact]
    public void Best_TakesTheHighestShareOfCompletedAttempts_EarlierOnATie()
    {
        var attempts = new[] { Done(1, Due.AddHours(-5), 6, 10), Done(2, Due.AddHours(-4), 9, 10), Done(3, Due.AddHours(-3), 18, 20), new Attempt(4, false, Due, null, 10, 10) };

        Assert.Equal(2, GradebookMath.Best(attempts)!.SessionId);
        Assert.Null(GradebookMath.Best([Open(5)]));
    }

    [Fact]
    public void Cell_CarriesTheBestScoreMaxAndPercent()
    {
        var cell = GradebookMath.Cell(7, [Done(1, Due.AddHours(-5), 6, 10), Done(2, Due.AddHours(-4), 7.5, 10)], Due, Due.AddDays(1));

        Assert.Equal(new GradeCell(7, GradeStatus.Completed, 2, 7.5, 10, 75), cell);
    }

    [Fact]
    public void Cell_WithoutAHandIn_HasNoScore()
    {
        var cell = GradebookMath.Cell(7, [Open(1)], Due, Due.AddHours(-1));

        Assert.Equal((GradeStatus.InProgress, 1), (cell.Status, cell.Attempts));
        Assert.Null(cell.Score);
        Assert.Null(cell.Percent);
    }

    [Fact]
    public void Percent_IsNullWithoutPoints_AndNeverAboveAHundred()
    {
        Assert.Null(GradebookMath.Percent(0, 0));
        Assert.Equal(50, GradebookMath.Percent(5, 10));
        Assert.Equal(100, GradebookMath.Percent(12, 10));
    }

    [Fact]
    public void StudentAverage_CountsMissingAsZero_AndLeavesOutWorkNotYetDue()
    {
        GradeCell Cell(GradeStatus status, double? percent) => new(1, status, 0, null, null, percent);

        var average = GradebookMath.StudentAverage([Cell(GradeStatus.Completed, 90), Cell(GradeStatus.Late, 60), Cell(GradeStatus.Missing, null),
            Cell(GradeStatus.NotStarted, null), Cell(GradeStatus.InProgress, null)]);

        Assert.Equal(50, average);
        Assert.Null(GradebookMath.StudentAverage([Cell(GradeStatus.NotStarted, null)]));
    }

    [Fact]
    public void Column_AveragesHandedInWork_AndCountsDoneLateMissing()
    {
        GradeCell Cell(GradeStatus status, double? percent) => new(1, status, 0, null, null, percent);

        var (average, done, late, missing) = GradebookMath.Column([Cell(GradeStatus.Completed, 80), Cell(GradeStatus.Late, 40), Cell(GradeStatus.Missing, null),
            Cell(GradeStatus.Missing, null), Cell(GradeStatus.InProgress, null)]);

        Assert.Equal((60.0, 2, 1, 2), (average!.Value, done, late, missing));
        Assert.Null(GradebookMath.Column([Cell(GradeStatus.NotStarted, null)]).Average);
    }

    [Fact]
    public void ItemMax_FollowsTheGradersPoints()
    {
        Assert.Equal(10, GradebookMath.ItemMax(ItemType.CarefulReading, 5));
        Assert.Equal(5, GradebookMath.ItemMax(ItemType.BankedCloze, 10));
        Assert.Equal(15, GradebookMath.ItemMax(ItemType.Writing, 1));
        Assert.Equal(3, GradebookMath.ItemMax(ItemType.VocabSpelling, 3));
    }

    [Fact]
    public void SectionScores_AddUpPointsPerExamSection_AndLeaveVocabularyOut()
    {
        var scored = new GradebookMath.Scored[]
        {
            new(ItemType.ListeningNews, 1, 1), new(ItemType.ListeningPassage, 0, 2), new(ItemType.CarefulReading, 2, 2), new(ItemType.BankedCloze, 0.5, 0.5),
            new(ItemType.Writing, 11, 15), new(ItemType.VocabSpelling, 1, 1),
        };

        var sections = GradebookMath.SectionScores(scored).ToDictionary(s => s.Section);

        Assert.Equal([Section.Listening, Section.Reading, Section.Writing, Section.Translation], sections.Keys);
        Assert.Equal((1.0, 3.0, 2), (sections[Section.Listening].Points, sections[Section.Listening].Max, sections[Section.Listening].Questions));
        Assert.Equal(100, sections[Section.Reading].Percent);
        Assert.Equal(11, sections[Section.Writing].Points);
        Assert.Null(sections[Section.Translation].Percent);
    }

    [Fact]
    public void Estimate_IsTheScoreEstimatorsOnTheSameAnswers_AndNoneWithoutExamWork()
    {
        var scored = new GradebookMath.Scored[] { new(ItemType.CarefulReading, 2, 2), new(ItemType.CarefulReading, 0, 2), new(ItemType.Translation, 9, 15) };

        var estimate = GradebookMath.Estimate(scored)!;

        var expected = ScoreEstimator.Estimate([new(ItemType.CarefulReading, 2, 4, 2), new(ItemType.Translation, 9, 15, 1)]);
        Assert.Equal(expected.Total, estimate.Total, 9);
        Assert.Equal(expected.Sections.Select(s => s.Estimate), estimate.Sections.Select(s => s.Estimate));
        Assert.Null(GradebookMath.Estimate([new(ItemType.VocabSpelling, 1, 1)]));
        Assert.Null(GradebookMath.Estimate([]));
    }
}
