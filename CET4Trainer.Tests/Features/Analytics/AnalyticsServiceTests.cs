using CET4Trainer.Core.Features.Analytics;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Tests.TestSupport;

// Scenario tests calling services in sequence with their default tokens.
#pragma warning disable xUnit1051

namespace CET4Trainer.Tests.Features.Analytics;

public sealed class AnalyticsServiceTests : IAsyncLifetime
{
    private AnalyticsScenario s = default!;

    public async ValueTask InitializeAsync() => s = await AnalyticsScenario.CreateAsync();

    public ValueTask DisposeAsync()
    {
        s.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task DefaultScope_IsFourWeeksOfAllPractice_ByTheCoursesStudentsOnly()
    {
        var data = (await s.Service.CourseAsync(s.CourseId, new AnalyticsScope(), s.Teacher))!;

        Assert.Equal(["安安", "博博", "猫猫"], data.Students.Select(x => x.Name));
        Assert.Equal(15, data.Answers);
        Assert.Equal(s.Now.AddDays(-28), data.FromUtc);
        var careful = data.Heat.Columns.ToList().IndexOf(ItemType.CarefulReading);
        Assert.Equal((15, 10), (data.Heat.Class.Cells[careful].Answered, data.Heat.Class.Cells[careful].Correct));
        Assert.Equal([(5, 4), (10, 6), (0, 0)], data.Heat.Students.Select(r => (r.Cells[careful].Answered, r.Cells[careful].Correct)));
        // Careful reading carries 142 of the 710 points; the rest sits at the 0.5 prior (17.75 + 35.5 + 124.25 + 106.5).
        // 安安 0.8 -> 397.6, 博博 0.6 -> 369.2; 猫猫 has no estimate.
        Assert.Equal(2, data.Overview.Total!.Count);
        Assert.Equal(369.2, data.Overview.Total.Min, 6);
        Assert.Equal(397.6, data.Overview.Total.Max, 6);
        Assert.Equal(383.4, data.Overview.Total.Median, 6);
        Assert.Null(data.Overview.Students.Single(x => x.StudentId == s.Cat).Estimate);
        // Five questions, each answered by two students once (博博's second attempt does not count twice).
        Assert.Equal(5, data.Items.Count);
        Assert.All(data.Items, i => Assert.Equal((2, ItemFlag.TooFew), (i.Answered, i.Flag)));
        Assert.Equal(1.0, data.Items.Single(i => i.Number == 1).Facility);
        Assert.Equal(0.5, data.Items.Single(i => i.Number == 2).Facility);
    }

    [Fact]
    public async Task AssignmentsOnly_CountsOnlyWorkDoneInTheCoursesAssignments()
    {
        var data = (await s.Service.CourseAsync(s.CourseId, new AnalyticsScope(AssignmentsOnly: true), s.Teacher))!;

        Assert.Equal(5, data.Answers);
        Assert.Equal(1, data.Overview.Total!.Count);
        Assert.Equal(426, data.Overview.Total.Mean, 6);
    }

    [Fact]
    public async Task EightWeeks_ReachTheOlderAnswers_AndAnUnknownWindowFallsBackToFourWeeks()
    {
        var wide = (await s.Service.CourseAsync(s.CourseId, new AnalyticsScope(56), s.Teacher))!;
        var odd = (await s.Service.CourseAsync(s.CourseId, new AnalyticsScope(9999), s.Teacher))!;

        Assert.Equal(20, wide.Answers);
        Assert.Equal(4 / 10.0, wide.Heat.Students[0].Cells.Single().Accuracy!.Value, 9);
        Assert.Equal((28, 15), (odd.Scope.Days, odd.Answers));
    }

    [Fact]
    public async Task Student_DrillDown_HasTrendSectionsWeakTypesAndRecentAnswers()
    {
        var bob = (await s.Service.StudentAsync(s.CourseId, s.Bob, s.Teacher))!;

        Assert.Equal("博博", bob.Name);
        Assert.Equal(369.2, bob.Estimate!.Total, 6);
        Assert.Equal(8, bob.Trend.Count);
        Assert.Equal(new DateOnly(2026, 11, 16), bob.Trend[^1].Start);
        Assert.Equal((10, 0.6), (bob.Trend[^1].Answered, bob.Trend[^1].Rate!.Value));
        Assert.Equal(369.2, bob.Trend[^1].Estimate!.Value, 6);
        Assert.Equal([ItemType.CarefulReading], bob.Weak.Select(w => w.Type));
        Assert.Equal(10, bob.Recent.Count);
        Assert.Equal(s.Now.AddDays(-1), bob.Recent[0].AnsweredUtc);
        Assert.Equal(s.Now.AddDays(-3), bob.Recent[^1].AnsweredUtc);
    }

    [Fact]
    public async Task Student_OlderWork_ShowsInTheTrendButNotInTheCurrentFigures()
    {
        var ann = (await s.Service.StudentAsync(s.CourseId, s.Ann, s.Teacher))!;

        // Forty days before Sunday 22 November is Tuesday 13 October, in the week of 12 October.
        Assert.Equal((5, 0.0), ann.Trend.Where(w => w.Start == new DateOnly(2026, 10, 12)).Select(w => (w.Answered, w.Rate!.Value)).Single());
        Assert.Equal(5, ann.Types.Single().Cell.Answered);
        Assert.Equal(10, ann.Recent.Count);
    }

    [Fact]
    public async Task AnotherTeacher_IsRefusedTheCourseAndItsStudents()
    {
        Assert.Null(await s.Service.CourseAsync(s.CourseId, new AnalyticsScope(), s.OtherTeacher));
        Assert.Null(await s.Service.StudentAsync(s.CourseId, s.Ann, s.OtherTeacher));
        Assert.Null(await s.Service.CourseAsync(987654, new AnalyticsScope(), s.Teacher));
    }

    [Fact]
    public async Task AStudentOfAnotherCourse_OrOneRemoved_IsRefused()
    {
        Assert.Null(await s.Service.StudentAsync(s.CourseId, s.Xia, s.Teacher));
        Assert.Null(await s.Service.StudentAsync(s.OtherCourseId, s.Xia, s.Teacher));
        Assert.True(await s.Courses.RemoveMemberAsync(s.CourseId, s.Cat, s.Teacher));

        Assert.Null(await s.Service.StudentAsync(s.CourseId, s.Cat, s.Teacher));
        Assert.DoesNotContain(s.Cat, (await s.Service.CourseAsync(s.CourseId, new AnalyticsScope(), s.Teacher))!.Students.Select(x => x.Id));
    }

    [Fact]
    public async Task AnAdmin_SeesAnyCourseAndItsStudents()
    {
        var admin = new Viewer((await s.Database.AddUserAsync("stats-admin@example.edu.cn")).Id, true);

        Assert.Equal(5, (await s.Service.CourseAsync(s.OtherCourseId, new AnalyticsScope(), admin))!.Answers);
        Assert.Equal("夏夏", (await s.Service.StudentAsync(s.OtherCourseId, s.Xia, admin))!.Name);
    }

    [Fact]
    public async Task ACourseWithoutStudents_GivesEmptyFigures()
    {
        var empty = (await s.Courses.CreateAsync("空班", s.Teacher)).Id!.Value;

        var data = (await s.Service.CourseAsync(empty, new AnalyticsScope(), s.Teacher))!;

        Assert.Equal((0, 0), (data.Students.Count, data.Answers));
        Assert.Null(data.Overview.Total);
        Assert.Empty(data.Heat.Columns);
        Assert.Empty(data.Items);
    }

    [Fact]
    public async Task AStudentWithoutPractice_HasEmptyFigures()
    {
        var cat = (await s.Service.StudentAsync(s.CourseId, s.Cat, s.Teacher))!;

        Assert.Null(cat.Estimate);
        Assert.Empty(cat.Recent);
        Assert.Empty(cat.Weak);
        Assert.All(cat.Trend, w => Assert.Equal(0, w.Answered));
    }
}
