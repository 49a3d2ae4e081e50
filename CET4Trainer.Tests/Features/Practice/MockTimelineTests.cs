using CET4Trainer.Core.Features.Practice;

namespace CET4Trainer.Tests.Features.Practice;

public sealed class MockTimelineTests
{
    private static readonly DateTime Start = new(2026, 12, 19, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void PartsRunThirtyTwentyFiveFortyThirtyMinutes_AndLockWhenTheirTimeEnds()
    {
        var at29 = MockTimeline.At(Start, [], Start.AddMinutes(29));
        var at31 = MockTimeline.At(Start, [], Start.AddMinutes(31));
        var at56 = MockTimeline.At(Start, [], Start.AddMinutes(56));
        var at124 = MockTimeline.At(Start, [], Start.AddMinutes(124));
        var at125 = MockTimeline.At(Start, [], Start.AddMinutes(125));

        Assert.Equal((0, TimeSpan.FromMinutes(1)), (at29.CurrentPart, at29.Remaining));
        Assert.Equal((1, TimeSpan.FromMinutes(24)), (at31.CurrentPart, at31.Remaining));
        Assert.True(at31.Parts[0].Locked);
        Assert.Equal((2, TimeSpan.FromMinutes(39)), (at56.CurrentPart, at56.Remaining));
        Assert.Equal((3, TimeSpan.FromMinutes(1)), (at124.CurrentPart, at124.Remaining));
        Assert.True(at125.Finished);
        Assert.All(at125.Parts, p => Assert.True(p.Locked));
    }

    [Fact]
    public void HandingInEarly_LocksThePart_AndStartsTheNextAtOnce()
    {
        var early = new List<DateTime?> { Start.AddMinutes(20) };

        var now = MockTimeline.At(Start, early, Start.AddMinutes(21));

        Assert.Equal(1, now.CurrentPart);
        Assert.True(now.Parts[0].Locked);
        Assert.Equal(TimeSpan.FromMinutes(24), now.Remaining);
        Assert.Equal(Start.AddMinutes(45), now.Parts[1].DeadlineUtc);
    }

    [Fact]
    public void TimeRunsOnWhileDisconnected_SoAReloadShowsTheSameRemainingTime()
    {
        var before = MockTimeline.At(Start, [], Start.AddMinutes(40));
        var afterReload = MockTimeline.At(Start, MockTimeline.ParseEarlyEnds(MockTimeline.FormatEarlyEnds([])), Start.AddMinutes(40));

        Assert.Equal((before.CurrentPart, before.Remaining), (afterReload.CurrentPart, afterReload.Remaining));
        Assert.Equal(before.Parts, afterReload.Parts);
        Assert.Equal(TimeSpan.FromMinutes(15), afterReload.Remaining);
    }

    [Fact]
    public void EarlyEnds_SurviveStorage()
    {
        List<DateTime?> ends = [Start.AddMinutes(12), null, Start.AddMinutes(80)];

        Assert.Equal(ends, MockTimeline.ParseEarlyEnds(MockTimeline.FormatEarlyEnds(ends)));
    }
}
