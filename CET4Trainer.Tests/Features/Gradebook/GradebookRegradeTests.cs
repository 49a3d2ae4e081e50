using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Gradebook;
using CET4Trainer.Core.Features.Grading;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Tests.Features.Grading;

// Scenario tests calling services in sequence with their default tokens.
#pragma warning disable xUnit1051

namespace CET4Trainer.Tests.Features.Gradebook;

// Writing and translation in the gradebook: the stored grade counts, the review queue narrows to the
// course, and a teacher's decision changes the gradebook and is announced to open pages.
public sealed class GradebookRegradeTests(GradingFixture f) : IClassFixture<GradingFixture>
{
    private async Task<Viewer> PersonAsync(string name) => new((await f.Database.AddUserAsync($"{name}-{Guid.NewGuid():N}@example.edu.cn")).Id, false);

    [Fact]
    public async Task TeachersOverride_ChangesTheGradebook_AndPublishesRegraded()
    {
        var teacher = await PersonAsync("t");
        var student = await PersonAsync("s");
        var courses = new CourseService(f.Database, f.Clock);
        var scenario = new EssayScenario(f.Database, courses, new AssignmentService(f.Database, f.Clock), f.Services.Starter, f.Services.Practice, f.Clock);
        var (courseId, assignmentId) = await scenario.CourseAsync(teacher, student.UserId);
        var (otherCourse, _) = await scenario.CourseAsync(teacher);
        var answers = await scenario.AnswerAsync(student.UserId, assignmentId);
        await f.Services.Practice.CompleteAsync((await f.Services.Practice.LoadAsync(answers[0].SessionId, student.UserId))!);
        var hub = new PracticeActivityHub();
        var heard = new List<PracticeActivity>();
        using var _ = hub.Subscribe(a => true, heard.Add);
        var reviews = new EssayReviewService(f.Database, f.Services.Catalog, f.Clock, hub);
        var gradebooks = new GradebookService(f.Database, f.Clock);

        Assert.Equal(2, await reviews.PendingCountAsync(teacher, courseId));
        Assert.Equal(0, await reviews.PendingCountAsync(teacher, otherCourse));
        Assert.Equal(0, await reviews.PendingCountAsync(await PersonAsync("other"), courseId));
        Assert.Equal(2, (await reviews.ListAsync(teacher, pending: true, courseId: courseId)).Rows.Count);
        Assert.Empty((await reviews.ListAsync(teacher, pending: true, courseId: otherCourse)).Rows);

        var before = (await gradebooks.BuildAsync(courseId, teacher))!.Students.Single();
        int writingItem;
        await using (var db = f.Database.CreateDbContext())
        {
            writingItem = db.Items.Where(i => i.Type == ItemType.Writing).Select(i => i.Id).AsEnumerable().Intersect(answers.Select(a => a.ItemId)).Single();
        }
        var writing = answers.Single(a => a.ItemId == writingItem);
        Assert.Equal(writing.Score, before.Sections.Single(s => s.Section == Section.Writing).Points);
        var translationScore = answers.Single(a => a.Id != writing.Id).Score!.Value;
        Assert.Equal(new GradeCell(assignmentId, GradeStatus.Completed, 1, writing.Score + translationScore, 30, (writing.Score + translationScore) / 30 * 100),
            before.Cells.Single());

        var review = (await reviews.ListAsync(teacher, pending: true, courseId: courseId)).Rows.Single(r => r.AnswerId == writing.Id);
        var teacherScore = review.AiScore >= 8 ? review.AiScore - 3 : review.AiScore + 3;
        Assert.Null(await reviews.DecideAsync(review.Id, teacher, teacherScore, "结构清楚，但例子不够。"));

        var after = (await gradebooks.BuildAsync(courseId, teacher))!.Students.Single();
        Assert.Equal(teacherScore, after.Sections.Single(s => s.Section == Section.Writing).Points);
        Assert.Equal(teacherScore + translationScore, after.Cells.Single().Score);
        Assert.Equal(1, await reviews.PendingCountAsync(teacher, courseId));
        var regraded = Assert.Single(heard);
        Assert.Equal(new PracticeActivity(student.UserId, writing.SessionId, assignmentId, PracticeActivityKind.Regraded), regraded);
    }

    [Fact]
    public async Task RefusedDecision_PublishesNothing()
    {
        var teacher = await PersonAsync("t");
        var student = await PersonAsync("s");
        var scenario = new EssayScenario(f.Database, new CourseService(f.Database, f.Clock), new AssignmentService(f.Database, f.Clock), f.Services.Starter, f.Services.Practice, f.Clock);
        var (courseId, assignmentId) = await scenario.CourseAsync(teacher, student.UserId);
        await scenario.AnswerAsync(student.UserId, assignmentId);
        var hub = new PracticeActivityHub();
        var heard = 0;
        using var _ = hub.Subscribe(a => true, a => heard++);
        var reviews = new EssayReviewService(f.Database, f.Services.Catalog, f.Clock, hub);
        var id = (await reviews.ListAsync(teacher, pending: true, courseId: courseId)).Rows[0].Id;

        Assert.NotNull(await reviews.DecideAsync(id, await PersonAsync("other"), 5, null));
        Assert.NotNull(await reviews.DecideAsync(id, teacher, 16, null));
        Assert.Equal(0, heard);
    }
}
