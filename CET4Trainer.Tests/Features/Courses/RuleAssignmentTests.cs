using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Core.Features.Practice;
using CET4Trainer.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

// Scenario tests calling services in sequence with their default tokens.
#pragma warning disable xUnit1051

namespace CET4Trainer.Tests.Features.Courses;

// Rule assignments over a bank built by the test, so every filter has an item that only it excludes.
public sealed class RuleAssignmentTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase database = new();
    private readonly FixedClock clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private Viewer teacher = default!;
    private Viewer otherTeacher = default!;
    private string student = "";
    private int courseId;
    private AssignmentService assignments = default!;
    private SessionStarter starter = default!;
    private PracticeService practice = default!;
    private readonly List<int> matching = [];

    private static readonly AssignmentRule Environment = new(Section.Reading, ItemType.CarefulReading, " Environment ", 1, 3, 4);

    public async ValueTask InitializeAsync()
    {
        teacher = new Viewer((await database.AddUserAsync("rule-t@example.edu.cn")).Id, false);
        otherTeacher = new Viewer((await database.AddUserAsync("rule-t2@example.edu.cn")).Id, false);
        student = (await database.AddUserAsync("rule-s@example.edu.cn")).Id;
        var courses = new CourseService(database, clock);
        courseId = (await courses.CreateAsync("规则班", teacher)).Id!.Value;
        await courses.JoinAsync(student, (await courses.GetAsync(courseId, teacher))!.JoinCode);
        assignments = new AssignmentService(database, clock);
        var services = new PracticeServices(database, clock);
        (starter, practice) = (services.Starter, services.Practice);

        for (var i = 0; i < 3; i++) matching.Add(await AddItemAsync($"shared {i}", ItemType.CarefulReading, 2, "environment"));
        matching.Add(await AddItemAsync("the teacher's own", ItemType.CarefulReading, 3, "environment", owner: teacher.UserId));
        await AddItemAsync("too hard", ItemType.CarefulReading, 5, "environment");
        await AddItemAsync("other tag", ItemType.CarefulReading, 2, "campus");
        await AddItemAsync("other type", ItemType.ListeningNews, 2, "environment");
        await AddItemAsync("not published", ItemType.CarefulReading, 2, "environment", ItemStatus.Draft);
        await AddItemAsync("another teacher's", ItemType.CarefulReading, 2, "environment", owner: otherTeacher.UserId);
    }

    private async Task<int> AddItemAsync(string title, ItemType type, int difficulty, string tag, ItemStatus status = ItemStatus.Published, string? owner = null)
    {
        await using var db = database.CreateDbContext();
        var item = ItemMapper.ToNewItem(SampleItems.Valid(type) with { Title = title, Difficulty = difficulty, Topics = [tag] }, ItemSource.Teacher, status, owner);
        db.Items.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }

    private NewAssignment Rule(AssignmentRule rule, int attempts = 1, int? limit = null) =>
        new(courseId, "环境主题阅读", [], clock.Now.UtcDateTime.AddHours(-1), clock.Now.UtcDateTime.AddDays(7), attempts, FeedbackMode.Immediate, AssignmentKind.Rule, rule, limit);

    private async Task<List<int>> StartedItemsAsync(string studentId, int assignmentId)
    {
        var start = await starter.StartAssignmentAsync(studentId, assignmentId);
        Assert.Null(start.Error);
        var view = (await practice.LoadAsync(start.SessionId!.Value, studentId))!;
        Assert.Equal((PracticeMode.Assignment, assignmentId), (view.Mode, view.AssignmentId));
        return view.Items.Select(i => i.Item.Id).ToList();
    }

    [Fact]
    public async Task Rule_DrawsOnlyPublishedItemsOfTheCourse_MatchingSectionTypeTagAndDifficulty()
    {
        Assert.Equal(4, await assignments.MatchingCountAsync(courseId, Environment, teacher));

        var (id, error) = await assignments.CreateAsync(Rule(Environment), teacher);

        Assert.Null(error);
        Assert.Equal(matching.Order(), (await StartedItemsAsync(student, id!.Value)).Order());
        var row = Assert.Single(await assignments.ForStudentAsync(student));
        Assert.Equal((AssignmentKind.Rule, 4), (row.Kind, row.Items));
    }

    [Fact]
    public async Task Rule_GivesEachStudentTheItemsTheyHaveNotAnsweredFirst()
    {
        var (id, _) = await assignments.CreateAsync(Rule(Environment with { Count = 2 }), teacher);
        await AnswerSeeder.AnswerAsync(database, student, matching[0], [true, true, true, true, true], clock.Now.UtcDateTime.AddDays(-2));
        await AnswerSeeder.AnswerAsync(database, student, matching[3], [true, false, true, true, true], clock.Now.UtcDateTime.AddDays(-1));

        var drawn = await StartedItemsAsync(student, id!.Value);

        Assert.Equal([matching[1], matching[2]], drawn.Order());
    }

    [Fact]
    public async Task Rule_WithTooFewMatchingItems_OrABadRange_IsRefusedWithTheReason()
    {
        var tooMany = await assignments.CreateAsync(Rule(Environment with { Count = 5 }), teacher);
        Assert.Null(tooMany.Id);
        Assert.Equal("符合规则的题目只有 4 组，少于要抽取的 5 组。请放宽条件或减少数量。", tooMany.Error);

        Assert.Contains("最低难度不能高于最高难度", (await assignments.CreateAsync(Rule(Environment with { MinDifficulty = 4, MaxDifficulty = 2 }), teacher)).Error);
        Assert.Contains("不属于", (await assignments.CreateAsync(Rule(Environment with { Section = Section.Listening }), teacher)).Error);
        Assert.Contains("抽题数量", (await assignments.CreateAsync(Rule(Environment with { Count = 0 }), teacher)).Error);
        Assert.Contains("抽题规则", (await assignments.CreateAsync(Rule(Environment) with { Rule = null }, teacher)).Error);
        Assert.Contains("限时", (await assignments.CreateAsync(Rule(Environment, limit: 0), teacher)).Error);
        Assert.Contains("限时", (await assignments.CreateAsync(Rule(Environment, limit: AssignmentService.MaxTimeLimitMinutes + 1), teacher)).Error);
        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.Assignments.CountAsync());
    }

    [Fact]
    public async Task AnotherTeacher_CannotSetARuleOrMockAssignmentOnTheCourse_NorCountItsItems()
    {
        Assert.Equal("课程不存在，或不是你的课程。", (await assignments.CreateAsync(Rule(Environment), otherTeacher)).Error);
        var mock = Rule(Environment) with { Kind = AssignmentKind.Mock, Rule = null };
        Assert.Equal("课程不存在，或不是你的课程。", (await assignments.CreateAsync(mock, otherTeacher)).Error);
        Assert.Null(await assignments.MatchingCountAsync(courseId, Environment, otherTeacher));
    }

    [Fact]
    public async Task TimeLimit_RefusesAnswersFromTheDeadline_AndTheAttemptCountsAsHandedInThen()
    {
        var (id, _) = await assignments.CreateAsync(Rule(Environment with { Count = 1 }, limit: 20), teacher);
        var start = await starter.StartAssignmentAsync(student, id!.Value);
        var view = (await practice.LoadAsync(start.SessionId!.Value, student))!;
        Assert.Equal(clock.Now.UtcDateTime.AddMinutes(20), view.DeadlineUtc);
        var item = view.Items[0].Item;

        clock.Now = clock.Now.AddMinutes(19);
        Assert.True((await practice.SubmitAsync(view, item, 1, item.Draft.Questions[0].Answer, 500)).Accepted);
        var progress = new AssignmentProgressService(database, clock);
        Assert.Equal(AssignmentState.InProgress, Assert.Single((await progress.StatusAsync(id.Value, teacher))!.Students).State);

        clock.Now = clock.Now.AddMinutes(1);
        var late = await practice.SubmitAsync((await practice.LoadAsync(view.Id, student))!, item, 2, item.Draft.Questions[1].Answer, 500);
        Assert.False(late.Accepted);
        Assert.Equal("这份作业的限时已到，不能再作答。请交卷。", late.Refusal);
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(1, await db.Answers.CountAsync(a => a.SessionId == view.Id));
        }

        var row = Assert.Single((await progress.StatusAsync(id.Value, teacher))!.Students);
        Assert.Equal((AssignmentState.Done, view.DeadlineUtc), (row.State, row.CompletedUtc));
        Assert.Equal((2.0, 10.0), (row.Score, row.Max));
    }

    public ValueTask DisposeAsync()
    {
        database.Dispose();
        return ValueTask.CompletedTask;
    }
}
