using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Tests.TestSupport;

// Scenario tests calling services in sequence with their default tokens.
#pragma warning disable xUnit1051

namespace CET4Trainer.Tests.Features.Courses;

public sealed class MockAssignmentTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase database = new();
    private readonly FixedClock clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private Viewer teacher = default!;
    private string student = "";
    private int courseId;
    private AssignmentService assignments = default!;
    private PracticeServices services = default!;

    public async ValueTask InitializeAsync()
    {
        await PracticeServices.LoadBundledContentAsync(database);
        teacher = new Viewer((await database.AddUserAsync("mock-t@example.edu.cn")).Id, false);
        student = (await database.AddUserAsync("mock-s@example.edu.cn")).Id;
        var courses = new CourseService(database, clock);
        courseId = (await courses.CreateAsync("模考班", teacher)).Id!.Value;
        await courses.JoinAsync(student, (await courses.GetAsync(courseId, teacher))!.JoinCode);
        assignments = new AssignmentService(database, clock);
        services = new PracticeServices(database, clock);
    }

    private NewAssignment Mock(int? limit = null) =>
        new(courseId, "期中模考", [], clock.Now.UtcDateTime.AddHours(-1), clock.Now.UtcDateTime.AddDays(3), 1, FeedbackMode.Immediate, AssignmentKind.Mock, null, limit);

    [Fact]
    public async Task MockAssignment_StartsAMockSessionWithThePartClock_ForTheAssignment()
    {
        var (id, error) = await assignments.CreateAsync(Mock(), teacher);
        Assert.Null(error);

        var start = await services.Starter.StartAssignmentAsync(student, id!.Value);
        var view = (await services.Practice.LoadAsync(start.SessionId!.Value, student))!;

        Assert.Equal((PracticeMode.Mock, id, 57), (view.Mode, view.AssignmentId, view.TotalQuestions));
        Assert.True(view.IsMock);
        Assert.Equal(clock.Now.UtcDateTime, view.MockStartedUtc);
        Assert.Null(view.DeadlineUtc);
        Assert.Equal([0, 1, 2, 3], view.Items.Select(i => i.Part).Distinct());
        Assert.Equal(start.SessionId, (await services.Starter.StartAssignmentAsync(student, id.Value)).SessionId);

        var writing = view.Items.Single(i => i.Part == 0).Item;
        Assert.True((await services.Practice.SubmitAsync(view, writing, 1, "A first draft.", 100, final: false)).Accepted);
        clock.Now = clock.Now.AddMinutes(31);
        Assert.Contains("时间已到", (await services.Practice.SubmitAsync(view, writing, 1, "Too late.", 100, final: false)).Refusal);

        var row = Assert.Single(await assignments.ForStudentAsync(student));
        Assert.Equal((AssignmentKind.Mock, start.SessionId), (row.Kind, row.ActiveSessionId));
    }

    [Fact]
    public async Task MockAssignment_RefusesAnExtraTimeLimit_AndABankTooSmallForAPaper()
    {
        Assert.Contains("125 分钟", (await assignments.CreateAsync(Mock(limit: 60), teacher)).Error);

        using var empty = new SqliteTestDatabase();
        var owner = new Viewer((await empty.AddUserAsync("mock-t3@example.edu.cn")).Id, false);
        var course = (await new CourseService(empty, clock).CreateAsync("空题库班", owner)).Id!.Value;
        var refused = await new AssignmentService(empty, clock).CreateAsync(Mock() with { CourseId = course }, owner);
        Assert.Null(refused.Id);
        Assert.Contains("不够组成一套完整的模拟卷", refused.Error);
    }

    public ValueTask DisposeAsync()
    {
        database.Dispose();
        return ValueTask.CompletedTask;
    }
}
