using CET4Trainer.Core.Features.Review;

namespace CET4Trainer.Tests.Features.Review;

// Reference values published with FSRS-6 (open-spaced-repetition's scheduler tests, default weights,
// desired retention 0.9, learning steps 1 and 10 minutes, relearning step 10 minutes, no fuzz).
public sealed class FsrsTests
{
    private static readonly DateTime Start = new(2022, 11, 29, 12, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void IntervalHistory_MatchesTheReferenceSequence()
    {
        var fsrs = new Fsrs();
        Rating[] ratings = [Rating.Good, Rating.Good, Rating.Good, Rating.Good, Rating.Good, Rating.Good,
            Rating.Again, Rating.Again, Rating.Good, Rating.Good, Rating.Good, Rating.Good, Rating.Good];
        var card = MemoryState.New(Start);
        var now = Start;
        var intervals = new List<int>();

        foreach (var rating in ratings)
        {
            card = fsrs.Review(card, rating, now);
            intervals.Add((int)Math.Floor((card.DueUtc - card.LastReviewUtc!.Value).TotalDays));
            now = card.DueUtc;
        }

        Assert.Equal([0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21], intervals);
    }

    [Fact]
    public void MemoryState_AfterAReferenceHistory_MatchesWithin1e4()
    {
        var fsrs = new Fsrs();
        Rating[] ratings = [Rating.Again, Rating.Good, Rating.Good, Rating.Good, Rating.Good, Rating.Good];
        int[] gaps = [0, 0, 1, 3, 8, 21];
        var card = MemoryState.New(Start);
        var now = Start;
        for (var i = 0; i < ratings.Length; i++)
        {
            now = now.AddDays(gaps[i]);
            card = fsrs.Review(card, ratings[i], now);
        }

        Assert.Equal(53.62691, card.Stability!.Value, 1e-4);
        Assert.Equal(6.3574867, card.Difficulty!.Value, 1e-4);
    }

    [Fact]
    public void RepeatedEasy_DrivesDifficultyToTheFloor()
    {
        var fsrs = new Fsrs();
        var card = MemoryState.New(Start);
        for (var i = 0; i < 10; i++) card = fsrs.Review(card, Rating.Easy, Start.AddTicks(i * 10));

        Assert.Equal(1.0, card.Difficulty);
    }

    [Fact]
    public void NewCard_Steps_AreOneMinuteTenMinutesThenDays()
    {
        var fsrs = new Fsrs();
        var card = MemoryState.New(Start);

        var again = fsrs.Review(card, Rating.Again, Start);
        var hard = fsrs.Review(card, Rating.Hard, Start);
        var good = fsrs.Review(card, Rating.Good, Start);
        var easy = fsrs.Review(card, Rating.Easy, Start);

        Assert.Equal(TimeSpan.FromMinutes(1), again.DueUtc - Start);
        Assert.Equal(TimeSpan.FromMinutes(5.5), hard.DueUtc - Start);
        Assert.Equal(TimeSpan.FromMinutes(10), good.DueUtc - Start);
        Assert.Equal(CardState.Learning, good.State);
        Assert.Equal(CardState.Review, easy.State);
        Assert.True(easy.DueUtc - Start >= TimeSpan.FromDays(1));
    }

    [Fact]
    public void LowerDesiredRetention_GivesLongerIntervals()
    {
        Assert.True(new Fsrs(0.8).IntervalDays(10) > new Fsrs(0.9).IntervalDays(10));
        Assert.Equal(10, new Fsrs(0.9).IntervalDays(10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Fsrs(1.2));
    }

    [Fact]
    public void Retrievability_IsNinetyPercentAfterStabilityDays()
    {
        var fsrs = new Fsrs();
        var card = new MemoryState(CardState.Review, null, 10, 5, Start, Start.AddDays(10));

        Assert.Equal(0.9, fsrs.Retrievability(card, Start.AddDays(10)), 6);
        Assert.Equal(1.0, fsrs.Retrievability(card, Start));
        Assert.Equal(0, fsrs.Retrievability(MemoryState.New(Start), Start));
    }
}
