using CET4Trainer.Core.Features.Grading;
using CET4Trainer.Core.Features.Scoring;

namespace CET4Trainer.Tests.Features.Grading;

public sealed class ReviewRulesTests
{
    private static EssayGrade Grade(int score, string engine = "fake-provider", bool offTopic = false, double? confidence = 0.9) =>
        new(score, Bands.WritingBand(score), Bands.Scaled(score), engine, "", [], [], 150, 0, offTopic) { Confidence = confidence };

    [Fact]
    public void Boundary_IsExactlyTheScoresOnePointFromAnotherBand()
    {
        int[] expected = [0, 1, 3, 4, 6, 7, 9, 10, 12, 13];

        var boundary = Enumerable.Range(0, 16).Where(ReviewRules.IsBoundary).ToArray();

        Assert.Equal(expected, boundary);
        // The definition in words: one point up or down (within 0-15) changes the band.
        foreach (var s in Enumerable.Range(0, 16))
        {
            var moves = new[] { s - 1, s + 1 }.Where(x => x is >= 0 and <= 15);
            Assert.Equal(moves.Any(x => Bands.WritingBand(x) != Bands.WritingBand(s)), ReviewRules.IsBoundary(s));
        }
    }

    [Fact]
    public void ConfidentOnTopicAiGrade_InTheMiddleOfABand_IsNotQueued()
    {
        Assert.Equal(ReviewReasons.None, ReviewRules.Reasons(Grade(11), courseWork: true, 0.6));
        Assert.Equal(ReviewReasons.None, ReviewRules.Reasons(Grade(8), courseWork: false, 0.6));
    }

    [Fact]
    public void OffTopic_LowConfidence_AndBoundary_EachQueueAnAiGrade()
    {
        Assert.Equal(ReviewReasons.OffTopic, ReviewRules.Reasons(Grade(2, offTopic: true), false, 0.6));
        Assert.Equal(ReviewReasons.LowConfidence, ReviewRules.Reasons(Grade(11, confidence: 0.59), false, 0.6));
        Assert.Equal(ReviewReasons.Boundary, ReviewRules.Reasons(Grade(10), false, 0.6));
        Assert.Equal(ReviewReasons.OffTopic | ReviewReasons.LowConfidence | ReviewReasons.Boundary,
            ReviewRules.Reasons(Grade(3, offTopic: true, confidence: 0.2), false, 0.6));
    }

    [Fact]
    public void ConfidenceExactlyAtTheThreshold_IsNotLow_AndTheThresholdIsTheSetting()
    {
        Assert.Equal(ReviewReasons.None, ReviewRules.Reasons(Grade(11, confidence: 0.6), false, 0.6));
        Assert.Equal(ReviewReasons.LowConfidence, ReviewRules.Reasons(Grade(11, confidence: 0.6), false, 0.8));
        Assert.Equal(ReviewReasons.None, ReviewRules.Reasons(Grade(11, confidence: 0.1), false, 0));
    }

    [Fact]
    public void OfflineEstimate_IsQueuedForCourseWorkOnly()
    {
        var offline = Grade(11, engine: OfflineGrader.EngineName, confidence: null);

        Assert.Equal(ReviewReasons.None, ReviewRules.Reasons(offline, courseWork: false, 0.6));
        Assert.Equal(ReviewReasons.OfflineEstimate, ReviewRules.Reasons(offline, courseWork: true, 0.6));
        Assert.Equal(ReviewReasons.OfflineEstimate | ReviewReasons.Boundary,
            ReviewRules.Reasons(Grade(9, engine: OfflineGrader.EngineName, confidence: null), courseWork: true, 0.6));
        // Off topic offline in a drill is the student's own practice: still not queued.
        Assert.Equal(ReviewReasons.None, ReviewRules.Reasons(Grade(2, engine: OfflineGrader.EngineName, offTopic: true, confidence: null), false, 0.6));
    }

    [Fact]
    public void Reasons_AreDescribedInChinese()
    {
        var text = string.Join("|", ReviewRules.Describe(ReviewReasons.OffTopic | ReviewReasons.LowConfidence | ReviewReasons.Boundary | ReviewReasons.OfflineEstimate));

        Assert.Equal("可能离题|AI 把握不大|分数在档次边界|离线估算", text);
    }
}
