using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

// Scenario tests calling services in sequence with their default tokens.
#pragma warning disable xUnit1051

namespace CET4Trainer.Tests.Features.Courses;

public sealed class AssignmentStatusTests : IAsyncLifetime
{
    private static readonly DateTime Open = new(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Due = new(2026, 11, 27, 8, 0, 0, DateTimeKind.Utc);

    private readonly SqliteTestDatabase database = new();
    private readonly FixedClock clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private Viewer teacher = default!;
    private CourseService courses = default!;

    public async ValueTask InitializeAsync()
    {
        teacher = new Viewer((await database.AddUserAsync("status-t@example.edu.cn")).Id, false);
        courses = new CourseService(database, clock);
    }

    public static TheoryData<DateTime?, DateTime?, DateTime, AssignmentState> Cases => new()
    {
        { null, null, Due.AddDays(-1), AssignmentState.NotStarted },
        { null, null, Open.AddHours(-1), AssignmentState.NotStarted },
        { null, Open.AddHours(1), Due.AddDays(-1), AssignmentState.InProgress },
        { Due.AddMinutes(-1), Open.AddHours(1), Due.AddDays(3), AssignmentState.Done },
        { Due, Open.AddHours(1), Due.AddDays(3), AssignmentState.Done },
        { Due.AddSeconds(1), Open.AddHours(1), Due.AddDays(3), AssignmentState.Late },
        { Due.AddDays(2), Due.AddDays(2), Due.AddDays(2), AssignmentState.Late },
        { null, null, Due.AddSeconds(1), AssignmentState.Missing },
        { null, Open.AddHours(1), Due.AddSeconds(1), AssignmentState.Missing },
        { null, null, Due, AssignmentState.NotStarted },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Status_FollowsTheDueDate(DateTime? completed, DateTime? started, DateTime now, AssignmentState expected) =>
        Assert.Equal(expected, AssignmentStatus.Of(Open, Due, completed, started, now));

    [Fact]
    public void StatusNames_AreTheOnesTeachersUse() =>
        Assert.Equal(["未开始", "进行中", "已完成", "迟交", "缺交"], Enum.GetValues<AssignmentState>().Select(AssignmentStatus.ChineseName));

    [Fact]
    public async Task StatusService_ListsEveryCurrentStudent_WithStateScoreAndCounts_OnlyForTheCoursesTeacher()
    {
        var services = new PracticeServices(database, clock);
        var assignments = new AssignmentService(database, clock);
        var progress = new AssignmentProgressService(database, clock);
        await using (var db = database.CreateDbContext())
        {
            db.Items.Add(ItemMapper.ToNewItem(SampleItems.Valid(ItemType.CarefulReading), ItemSource.Teacher, ItemStatus.Published, null));
            await db.SaveChangesAsync();
        }
        int item;
        await using (var db = database.CreateDbContext()) item = await db.Items.Select(i => i.Id).SingleAsync();
        var courseId = (await courses.CreateAsync("状态班", teacher)).Id!.Value;
        var code = (await courses.GetAsync(courseId, teacher))!.JoinCode;
        var names = new[] { "甲 on time", "乙 late", "丙 started", "丁 nothing", "戊 removed" };
        var students = new List<string>();
        foreach (var name in names)
        {
            var user = await database.AddUserAsync($"{Guid.NewGuid():N}@example.edu.cn");
            await using (var db = database.CreateDbContext())
            {
                await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, name));
            }
            await courses.JoinAsync(user.Id, code);
            students.Add(user.Id);
        }
        var due = clock.Now.UtcDateTime.AddDays(1);
        var (id, _) = await assignments.CreateAsync(new NewAssignment(courseId, "第二周阅读", [item], clock.Now.UtcDateTime.AddHours(-1), due, 2, FeedbackMode.Immediate), teacher);

        async Task DoAsync(string student, int right)
        {
            var start = await services.Starter.StartAssignmentAsync(student, id!.Value);
            var view = (await services.Practice.LoadAsync(start.SessionId!.Value, student))!;
            var entry = view.Items[0].Item;
            for (var q = 1; q <= 5; q++) await services.Practice.SubmitAsync(view, entry, q, q <= right ? entry.Draft.Questions[q - 1].Answer : "Z", 100);
            await services.Practice.CompleteAsync(view);
        }

        await DoAsync(students[0], 3);
        await services.Starter.StartAssignmentAsync(students[2], id!.Value);
        await courses.RemoveMemberAsync(courseId, students[4], teacher);
        var before = (await progress.StatusAsync(id.Value, teacher))!;
        Assert.Equal((1, 1, 2, 0, 0), (before.Count(AssignmentState.Done), before.Count(AssignmentState.InProgress), before.Count(AssignmentState.NotStarted),
            before.Count(AssignmentState.Late), before.Count(AssignmentState.Missing)));

        clock.Now = clock.Now.AddDays(2);
        await DoAsync(students[1], 5);
        await DoAsync(students[0], 5);
        var after = (await progress.StatusAsync(id.Value, teacher))!;

        Assert.Equal(4, after.Students.Count);
        var byName = after.Students.ToDictionary(s => s.Name);
        Assert.DoesNotContain("戊 removed", byName.Keys);
        // The on-time attempt keeps the student on time; the better retry gives the score.
        Assert.Equal((AssignmentState.Done, 2, 10.0, 10.0), (byName["甲 on time"].State, byName["甲 on time"].Attempts, byName["甲 on time"].Score, byName["甲 on time"].Max));
        Assert.True(byName["甲 on time"].CompletedUtc <= due);
        Assert.Equal((AssignmentState.Late, 10.0), (byName["乙 late"].State, byName["乙 late"].Score));
        Assert.Equal((AssignmentState.Missing, (double?)null), (byName["丙 started"].State, byName["丙 started"].Score));
        Assert.Equal(AssignmentState.Missing, byName["丁 nothing"].State);
        Assert.Equal((1, 1, 2), (after.Count(AssignmentState.Done), after.Count(AssignmentState.Late), after.Count(AssignmentState.Missing)));
        Assert.Equal("状态班", after.CourseName);

        var other = new Viewer((await database.AddUserAsync("status-t2@example.edu.cn")).Id, false);
        Assert.Null(await progress.StatusAsync(id.Value, other));
        Assert.Null(await progress.StatusAsync(999_999, teacher));
        Assert.NotNull(await progress.StatusAsync(id.Value, new Viewer(other.UserId, true)));
    }

    [Fact]
    public async Task Rename_ChecksTheName_AndOnlyTheOwnerOrAnAdminMayRename()
    {
        var other = new Viewer((await database.AddUserAsync("rename-t2@example.edu.cn")).Id, false);
        var id = (await courses.CreateAsync("英语一班", teacher)).Id!.Value;

        Assert.Equal("课程名称需要 1-100 个字符。", await courses.RenameAsync(id, "   ", teacher));
        Assert.Equal("课程名称需要 1-100 个字符。", await courses.RenameAsync(id, new string('班', 101), teacher));
        Assert.Equal("课程不存在，或不是你的课程。", await courses.RenameAsync(id, "别人的名字", other));
        Assert.Equal("英语一班", (await courses.GetAsync(id, teacher))!.Name);

        Assert.Null(await courses.RenameAsync(id, "  2025级 英语（四级）1 班 ", teacher));
        Assert.Equal("2025级 英语（四级）1 班", (await courses.GetAsync(id, teacher))!.Name);
        Assert.Null(await courses.RenameAsync(id, "管理员改的名", new Viewer(other.UserId, true)));
        Assert.Equal("管理员改的名", (await courses.GetAsync(id, teacher))!.Name);
    }

    public ValueTask DisposeAsync()
    {
        database.Dispose();
        return ValueTask.CompletedTask;
    }
}
