using CET4Trainer.Core.Features.ClassAnalysis;
using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Core.Features.Items;
using CET4Trainer.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

// Scenario tests calling services in sequence with their default tokens.
#pragma warning disable xUnit1051

namespace CET4Trainer.Tests.Features.ClassAnalysis;

// What an AI provider would be sent about a class: statistics and samples under labels, nothing that identifies a student.
public sealed class ClassSnapshotTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase database = new();
    private readonly FixedClock clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private readonly List<(string Id, string Name, string Email, string Number)> students = [];
    private int courseId;

    public async ValueTask InitializeAsync()
    {
        await PracticeServices.LoadBundledContentAsync(database);
        var teacher = new Viewer((await database.AddUserAsync("snap-teacher@example.edu.cn")).Id, false);
        var courses = new CourseService(database, clock);
        courseId = (await courses.CreateAsync("匿名测试班", teacher)).Id!.Value;
        var code = (await courses.GetAsync(courseId, teacher))!.JoinCode;
        foreach (var (name, email, number) in new[] { ("王小明", "wangxm@example.edu.cn", "2023010101"), ("Li Hua", "lihua@example.edu.cn", "2023010102"), ("陈静", "chenjing@example.edu.cn", "2023010103") })
        {
            var user = await database.AddUserAsync(email);
            await using (var db = database.CreateDbContext())
            {
                await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, name).SetProperty(u => u.StudentNumber, number));
            }
            students.Add((user.Id, name, email, number));
            await courses.JoinAsync(user.Id, code);
            clock.Now = clock.Now.AddMinutes(1);
        }

        await using var data = database.CreateDbContext();
        var careful = await data.Items.Where(i => i.Type == ItemType.CarefulReading).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        var writing = await data.Items.Where(i => i.Type == ItemType.Writing).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        var now = clock.Now.UtcDateTime;
        var assignment = new Assignment
        {
            CourseId = courseId, Title = "第一周", OpenUtc = now.AddDays(-8), DueUtc = now.AddDays(-1), CreatedUtc = now.AddDays(-8),
            Items = [new AssignmentItem { Position = 0, ItemId = careful }],
        };
        data.Assignments.Add(assignment);
        await data.SaveChangesAsync();
        for (var round = 0; round < 3; round++)
        {
            await AnswerSeeder.AnswerAsync(database, students[0].Id, careful, AnswerSeeder.Results(1, 4), now.AddDays(-round - 2));
            await AnswerSeeder.AnswerAsync(database, students[1].Id, careful, AnswerSeeder.Results(4, 1), now.AddDays(-round - 2), assignmentId: round == 0 ? assignment.Id : null);
        }
        await AnswerSeeder.AnswerAsync(database, students[0].Id, writing, [false], now.AddDays(-1),
            response: "My name is 王小明 and my e-mail is wangxm@example.edu.cn, student number 2023010101. Everyone calls me 小明. Wangxm likes reading books every day.");
    }

    [Fact]
    public async Task ThePrompt_CarriesLabelsAndRedactedSamples_NeverANameEmailNumberOrId()
    {
        var snapshot = await new ClassSnapshotBuilder(database, clock).BuildAsync(courseId);

        var prompt = string.Join("\n", new AnalyzeClassOperation().BuildPrompt(snapshot.Input).Select(m => m.Text));

        foreach (var (id, name, email, number) in students)
        {
            Assert.DoesNotContain(id, prompt);
            Assert.DoesNotContain(name, prompt, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(email, prompt, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(email[..email.IndexOf('@')], prompt, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(number, prompt);
        }
        Assert.DoesNotContain("小明", prompt);
        Assert.Contains("学生 1", prompt);
        Assert.Contains("学生 3", prompt);
        Assert.Contains(Redactor.Mark, prompt);
        Assert.Contains("likes reading books", prompt);
        Assert.Equal(students.Select(s => s.Id), new[] { "学生 1", "学生 2", "学生 3" }.Select(l => snapshot.StudentIds[l]));
    }

    [Fact]
    public async Task TheOfflineAnalysis_PointsAtLowAccuracyMissedWorkAndInactivity_AndLabelsMapBackToNames()
    {
        var snapshot = await new ClassSnapshotBuilder(database, clock).BuildAsync(courseId);
        var first = snapshot.Input.StudentDetails[0];
        Assert.Equal((16, 1, 0), (first.Questions, first.AssignmentsDue, first.AssignmentsCompleted));
        Assert.Single(first.EssayExcerpts);
        Assert.Equal(3, first.WrongAnswers.Count);

        var analysis = OfflineClassAnalyst.Analyse(snapshot.Input);

        Assert.Empty(new AnalyzeClassOperation().Validate(analysis, snapshot.Input));
        var flagged = analysis.Students!.ToDictionary(s => s.Student!, s => string.Join(" ", s.Reasons!));
        Assert.Equal(["学生 1", "学生 3"], flagged.Keys.Order());
        Assert.Contains("低于 50%", flagged["学生 1"]);
        Assert.Contains("1 份已截止的作业没有完成", flagged["学生 1"]);
        Assert.Contains("还没有做过任何练习", flagged["学生 3"]);
        Assert.Contains(analysis.CommonProblems!, p => p.Title == "仔细阅读正确率偏低");

        var names = snapshot.StudentIds.ToDictionary(p => p.Key, p => students.Single(s => s.Id == p.Value).Name);
        Assert.Equal("王小明 和 陈静 需要关注，学生 10 不在班里", StudentLabels.MapBack("学生 1 和 学生3 需要关注，学生 10 不在班里", names));
    }

    [Fact]
    public void AnAnswerNamingAStudentOutsideTheClass_IsRefused()
    {
        var input = new ClassAnalysisInput(1, 60, 14, 0, [], [new StudentSnapshot("学生 1", 0, null, 0, null, 0, null, null, 0, 0, [], [], [])]);
        var output = new ClassAnalysisOutput
        {
            Summary = "学生 9 很努力",
            CommonProblems = [],
            Students = [new AttentionNote { Student = "学生 2", Reasons = ["缺交作业"] }],
        };

        var errors = new AnalyzeClassOperation().Validate(output, input);

        Assert.Contains(errors, e => e.Contains("\"学生 2\" is not one of the given student labels"));
        Assert.Contains(errors, e => e.Contains("mentions 学生 9"));
    }

    public ValueTask DisposeAsync()
    {
        database.Dispose();
        return ValueTask.CompletedTask;
    }
}
