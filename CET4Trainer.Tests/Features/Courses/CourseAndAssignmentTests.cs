using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

// Scenario tests calling services in sequence with their default tokens.
#pragma warning disable xUnit1051

namespace CET4Trainer.Tests.Features.Courses;

public sealed class CourseAndAssignmentTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase database = new();
    private readonly FixedClock clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private Viewer teacher = default!;
    private Viewer otherTeacher = default!;
    private Viewer admin = default!;
    private string student = "";
    private CourseService courses = default!;
    private AssignmentService assignments = default!;
    private SessionStarter starter = default!;
    private PracticeService practice = default!;
    private List<int> items = [];

    public async ValueTask InitializeAsync()
    {
        await PracticeServices.LoadBundledContentAsync(database);
        teacher = new Viewer((await database.AddUserAsync("t@example.edu.cn")).Id, false);
        otherTeacher = new Viewer((await database.AddUserAsync("t2@example.edu.cn")).Id, false);
        admin = new Viewer((await database.AddUserAsync("a@example.edu.cn")).Id, true);
        student = (await database.AddUserAsync("s@example.edu.cn")).Id;
        courses = new CourseService(database, clock);
        assignments = new AssignmentService(database, clock);
        var services = new PracticeServices(database, clock);
        (starter, practice) = (services.Starter, services.Practice);
        await using var db = database.CreateDbContext();
        items = await db.Items.Where(i => i.Type == ItemType.CarefulReading).Select(i => i.Id).Take(2).ToListAsync();
    }

    private NewAssignment Set(int courseId, FeedbackMode feedback = FeedbackMode.Immediate, int attempts = 1) =>
        new(courseId, "第一周阅读", items, clock.Now.UtcDateTime.AddHours(-1), clock.Now.UtcDateTime.AddDays(7), attempts, feedback);

    [Fact]
    public async Task AnotherTeacher_IsRefusedEveryCourseAction_AnAdminIsNot()
    {
        var (id, _) = await courses.CreateAsync("英语一班", teacher);
        var courseId = id!.Value;
        await courses.JoinAsync(student, (await courses.GetAsync(courseId, teacher))!.JoinCode);

        Assert.Null(await courses.GetAsync(courseId, otherTeacher));
        Assert.Null(await courses.MembersAsync(courseId, otherTeacher));
        Assert.False(await courses.RemoveMemberAsync(courseId, student, otherTeacher));
        Assert.False(await courses.ArchiveAsync(courseId, otherTeacher));
        Assert.Null(await assignments.ForCourseAsync(courseId, otherTeacher));
        Assert.Equal("课程不存在，或不是你的课程。", (await assignments.CreateAsync(Set(courseId), otherTeacher)).Error);
        Assert.DoesNotContain(await courses.ListActiveAsync(otherTeacher.UserId), c => c.Id == courseId);

        Assert.NotNull(await courses.GetAsync(courseId, admin));
        Assert.Single((await courses.MembersAsync(courseId, admin))!);
    }

    [Fact]
    public async Task Student_JoinsByCode_DoesTheAssignmentInAssignmentMode_WithinItsAttempts()
    {
        var (id, _) = await courses.CreateAsync("英语二班", teacher);
        var code = (await courses.GetAsync(id!.Value, teacher))!.JoinCode;
        Assert.Matches("^[A-Z2-9]{6}$", code);
        Assert.NotNull((await courses.JoinAsync(student, "WRONG1")).Error);
        Assert.Equal("英语二班", (await courses.JoinAsync(student, code.ToLowerInvariant())).CourseName);

        var (assignmentId, error) = await assignments.CreateAsync(Set(id.Value), teacher);
        Assert.Null(error);
        var row = Assert.Single(await assignments.ForStudentAsync(student));
        Assert.Equal((assignmentId, 2, false), (row.Id, row.Items, row.Completed));

        var start = await starter.StartAssignmentAsync(student, assignmentId!.Value);
        var again = await starter.StartAssignmentAsync(student, assignmentId.Value);
        Assert.Equal(start.SessionId, again.SessionId);
        var view = (await practice.LoadAsync(start.SessionId!.Value, student))!;
        Assert.Equal(PracticeMode.Assignment, view.Mode);
        Assert.Equal(items, view.Items.Select(i => i.Item.Id));
        Assert.True(view.ShowsFeedback(view.Status, clock.Now.UtcDateTime));
        await practice.CompleteAsync(view);

        Assert.True(Assert.Single(await assignments.ForStudentAsync(student)).Completed);
        Assert.Contains("用完了", (await starter.StartAssignmentAsync(student, assignmentId.Value)).Error);
        Assert.Contains("不在这门课程", (await starter.StartAssignmentAsync((await database.AddUserAsync("x@example.edu.cn")).Id, assignmentId.Value)).Error);
    }

    [Fact]
    public async Task FeedbackAfterDue_HidesAnswersUntilTheDueDate()
    {
        var (id, _) = await courses.CreateAsync("英语三班", teacher);
        await courses.JoinAsync(student, (await courses.GetAsync(id!.Value, teacher))!.JoinCode);
        var (assignmentId, _) = await assignments.CreateAsync(Set(id.Value, FeedbackMode.AfterDue), teacher);

        var start = await starter.StartAssignmentAsync(student, assignmentId!.Value);
        var view = (await practice.LoadAsync(start.SessionId!.Value, student))!;

        Assert.False(view.ShowsFeedback(SessionStatus.Completed, clock.Now.UtcDateTime));
        Assert.True(view.ShowsFeedback(SessionStatus.Completed, clock.Now.UtcDateTime.AddDays(8)));
    }

    [Fact]
    public async Task RemovedStudent_LosesTheCourse_ButKeepsTheirHistory()
    {
        var (id, _) = await courses.CreateAsync("英语四班", teacher);
        await courses.JoinAsync(student, (await courses.GetAsync(id!.Value, teacher))!.JoinCode);
        var (assignmentId, _) = await assignments.CreateAsync(Set(id.Value), teacher);
        var start = await starter.StartAssignmentAsync(student, assignmentId!.Value);

        Assert.True(await courses.RemoveMemberAsync(id.Value, student, teacher));

        Assert.Empty(await assignments.ForStudentAsync(student));
        Assert.Empty((await courses.MembersAsync(id.Value, teacher))!);
        Assert.NotNull(await practice.LoadAsync(start.SessionId!.Value, student));
    }

    [Fact]
    public async Task DueSoon_ListsOnlyTheTeachersAssignmentsDueThisWeek()
    {
        var (id, _) = await courses.CreateAsync("英语六班", teacher);
        await assignments.CreateAsync(Set(id!.Value) with { Title = "本周" }, teacher);
        await assignments.CreateAsync(Set(id.Value) with { Title = "下月", DueUtc = clock.Now.UtcDateTime.AddDays(30) }, teacher);

        var mine = await assignments.DueSoonAsync(teacher);

        Assert.Equal(["本周"], mine.Select(a => a.Title));
        Assert.Empty(await assignments.DueSoonAsync(otherTeacher));
    }

    [Fact]
    public async Task Assignments_RefuseBadInput()
    {
        var (id, _) = await courses.CreateAsync("英语五班", teacher);
        var good = Set(id!.Value);

        Assert.NotNull((await assignments.CreateAsync(good with { Title = " " }, teacher)).Error);
        Assert.NotNull((await assignments.CreateAsync(good with { ItemIds = [] }, teacher)).Error);
        Assert.NotNull((await assignments.CreateAsync(good with { DueUtc = good.OpenUtc }, teacher)).Error);
        Assert.NotNull((await assignments.CreateAsync(good with { ItemIds = [999_999] }, teacher)).Error);
        Assert.NotNull((await courses.CreateAsync("", teacher)).Error);
    }

    public ValueTask DisposeAsync()
    {
        database.Dispose();
        return ValueTask.CompletedTask;
    }
}
