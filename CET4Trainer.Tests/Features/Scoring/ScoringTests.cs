using CET4Trainer.Core.Features.Dashboard;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Scoring;

namespace CET4Trainer.Tests.Features.Scoring;

public sealed class ScoringTests
{
    [Fact]
    public void PaperWeights_AddUpTo100RawAnd710Scaled()
    {
        Assert.Equal(100, ExamScale.PaperTypes.Sum(ExamScale.PaperRawPoints));
        Assert.Equal(710, ExamScale.PaperTypes.Sum(ExamScale.PaperRawPoints) * ExamScale.ScaleFactor, 6);
        Assert.Equal(248.5, ExamScale.SectionMax(Section.Listening), 6);
        Assert.Equal(213, ExamScale.SectionMax(Section.Writing) + ExamScale.SectionMax(Section.Translation), 6);
        Assert.Equal(14.2, ExamScale.ScaledPointsPerQuestion(ItemType.CarefulReading), 6);
        Assert.Equal(3.55, ExamScale.ScaledPointsPerQuestion(ItemType.BankedCloze), 6);
        Assert.Equal(106.5, ExamScale.ScaledPointsPerQuestion(ItemType.Writing), 6);
    }

    [Theory]
    [InlineData(15, 14)]
    [InlineData(13, 14)]
    [InlineData(12, 11)]
    [InlineData(10, 11)]
    [InlineData(9, 8)]
    [InlineData(7, 8)]
    [InlineData(6, 5)]
    [InlineData(4, 5)]
    [InlineData(3, 2)]
    [InlineData(1, 2)]
    [InlineData(0, 0)]
    public void WritingScores_MapToTheExamBands(int score, int band)
    {
        Assert.Equal(band, Bands.WritingBand(score));
    }

    [Fact]
    public void Estimate_OfAPerfectRecord_IsNear710_AndAnEmptyRecordIsWide()
    {
        var perfect = ExamScale.PaperTypes.Select(t => new ScoreEstimator.TypeResult(t, 100, 100, 100)).ToList();

        var full = ScoreEstimator.Estimate(perfect);
        var empty = ScoreEstimator.Estimate([]);

        Assert.Equal(710, full.Total, 6);
        Assert.True(full.TotalLow > 680);
        Assert.True(full.Enough);
        Assert.Equal(355, empty.Total, 6);
        Assert.Equal(0, empty.TotalLow, 6);
        Assert.Equal(710, empty.TotalHigh, 6);
        Assert.False(empty.Enough);
    }

    [Fact]
    public void Estimate_HalfRightInListening_GivesHalfTheListeningSection()
    {
        var listening = new[] { ItemType.ListeningNews, ItemType.ListeningConversation, ItemType.ListeningPassage }
            .Select(t => new ScoreEstimator.TypeResult(t, 10, 20, 40)).ToList();

        var section = ScoreEstimator.Estimate(listening).Sections.Single(s => s.Section == Section.Listening);

        Assert.Equal(124.25, section.Estimate, 6);
        Assert.True(section.Low < 124.25 && section.High > 124.25);
    }

    [Fact]
    public void Wilson_NarrowsWithMoreEvidence()
    {
        var few = ScoreEstimator.Wilson(0.8, 5);
        var many = ScoreEstimator.Wilson(0.8, 500);

        Assert.True(few.High - few.Low > many.High - many.Low);
        Assert.InRange(many.Low, 0.76, 0.8);
    }

    [Fact]
    public void Streak_CountsConsecutiveDaysEndingTodayOrYesterday()
    {
        var today = new DateOnly(2026, 11, 22);
        Assert.Equal(3, StudentDashboard.Streak(new HashSet<DateOnly> { today, today.AddDays(-1), today.AddDays(-2), today.AddDays(-4) }, today));
        Assert.Equal(2, StudentDashboard.Streak(new HashSet<DateOnly> { today.AddDays(-1), today.AddDays(-2) }, today));
        Assert.Equal(0, StudentDashboard.Streak(new HashSet<DateOnly> { today.AddDays(-3) }, today));
    }
}
