using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

// Scenario tests calling services in sequence with their default tokens.
#pragma warning disable xUnit1051

namespace CET4Trainer.Tests.Features.Courses;

// Drafts (made by class plans) belong to the teacher until published: no student list, start or reminder shows them.
public sealed class DraftAssignmentTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase database = new();
    private readonly FixedClock clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private Viewer teacher = default!;
    private Viewer otherTeacher = default!;
    private string student = "";
    private int courseId;
    private int draftId;

    public async ValueTask InitializeAsync()
    {
        await PracticeServices.LoadBundledContentAsync(database);
        teacher = new Viewer((await database.AddUserAsync("draft-t@example.edu.cn")).Id, false);
        otherTeacher = new Viewer((await database.AddUserAsync("draft-t2@example.edu.cn")).Id, false);
        student = (await database.AddUserAsync("draft-s@example.edu.cn")).Id;
        var courses = new CourseService(database, clock);
        courseId = (await courses.CreateAsync("草稿测试班", teacher)).Id!.Value;
        await courses.JoinAsync(student, (await courses.GetAsync(courseId, teacher))!.JoinCode);
        await using var db = database.CreateDbContext();
        var item = await db.Items.Where(i => i.Type == ItemType.CarefulReading && i.Status == ItemStatus.Published).Select(i => i.Id).FirstAsync();
        var draft = new Assignment
        {
            CourseId = courseId, Title = "第 1 周：仔细阅读", OpenUtc = clock.Now.UtcDateTime.AddHours(-1), DueUtc = clock.Now.UtcDateTime.AddDays(3),
            IsDraft = true, CreatedUtc = clock.Now.UtcDateTime, Items = [new AssignmentItem { Position = 0, ItemId = item }],
        };
        db.Assignments.Add(draft);
        await db.SaveChangesAsync();
        draftId = draft.Id;
    }

    [Fact]
    public async Task ADraft_IsHiddenFromStudents_UntilItsTeacherPublishesIt()
    {
        var assignments = new AssignmentService(database, clock);
        var starter = new PracticeServices(database, clock).Starter;

        Assert.Empty(await assignments.ForStudentAsync(student));
        Assert.Null((await starter.StartAssignmentAsync(student, draftId)).SessionId);
        Assert.Empty(await assignments.DueSoonAsync(teacher));
        Assert.True(Assert.Single((await assignments.ForCourseAsync(courseId, teacher))!).IsDraft);

        Assert.Equal("作业不存在、已经发布，或不是你的课程。", await assignments.PublishAsync(draftId, otherTeacher));
        Assert.Empty(await assignments.ForStudentAsync(student));

        Assert.Null(await assignments.PublishAsync(draftId, teacher));

        var row = Assert.Single(await assignments.ForStudentAsync(student));
        Assert.Equal((draftId, false), (row.Id, row.IsDraft));
        Assert.NotNull((await starter.StartAssignmentAsync(student, draftId)).SessionId);
        Assert.Single(await assignments.DueSoonAsync(teacher));
        Assert.NotNull(await assignments.PublishAsync(draftId, teacher));
    }

    public ValueTask DisposeAsync()
    {
        database.Dispose();
        return ValueTask.CompletedTask;
    }
}
