using CET4Trainer.Core.Features.Exam;
using CET4Trainer.Core.Hosting;
using CET4Trainer.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace CET4Trainer.Tests.Features.Exam;

public sealed class ExamCalendarTests
{
    private static ExamCalendar Calendar(DateTimeOffset utcNow, params DateOnly[] announced) =>
        new(new LocalClock(new FixedClock(utcNow), Options.Create(new LocaleOptions())),
            Options.Create(new ExamOptions { Dates = [.. announced] }));

    [Fact]
    public void EstimatedSittings_MatchThePublishedDates2023To2025()
    {
        var estimated = new[] { 2023, 2024, 2025 }.SelectMany(ExamCalendar.EstimatedSittings);

        Assert.Equal(
            [new(2023, 6, 17), new(2023, 12, 16), new(2024, 6, 15), new(2024, 12, 14), new(2025, 6, 14), new DateOnly(2025, 12, 13)],
            estimated);
    }

    [Fact]
    public void Next_InLateNovember_IsTheDecemberSittingEstimated()
    {
        var next = Calendar(new DateTimeOffset(2026, 11, 22, 4, 0, 0, TimeSpan.Zero)).Next();

        Assert.Equal(new DateOnly(2026, 12, 19), next.Date);
        Assert.Equal(27, next.DaysLeft);
        Assert.False(next.Announced);
    }

    [Fact]
    public void Next_AfterDecemberSitting_RollsToNextJune()
    {
        var next = Calendar(new DateTimeOffset(2026, 12, 20, 4, 0, 0, TimeSpan.Zero)).Next();

        Assert.Equal(new DateOnly(2027, 6, 19), next.Date);
    }

    [Fact]
    public void Next_UsesShanghaiDate_NotUtcDate()
    {
        // 17:00 UTC on the 18th is already 01:00 on exam day in Beijing time.
        var next = Calendar(new DateTimeOffset(2026, 12, 18, 17, 0, 0, TimeSpan.Zero)).Next();

        Assert.Equal(0, next.DaysLeft);
    }

    [Fact]
    public void Next_PrefersAnAnnouncedDate_AndIgnoresPastOnes()
    {
        var next = Calendar(new DateTimeOffset(2026, 11, 22, 4, 0, 0, TimeSpan.Zero), new(2026, 6, 13), new(2026, 12, 12)).Next();

        Assert.Equal(new DateOnly(2026, 12, 12), next.Date);
        Assert.True(next.Announced);
        Assert.Equal(20, next.DaysLeft);
    }
}
