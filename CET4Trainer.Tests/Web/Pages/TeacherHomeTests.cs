using Bunit;
using CET4Trainer.Core.Features.Courses;
using CET4Trainer.Tests.Features.AiTasks;
using CET4Trainer.Tests.Web.AiTasks;
using CET4Trainer.Web.Components.Features.Teacher;

// Scenario tests against the real host: services called in sequence with their default tokens.
#pragma warning disable xUnit1051

namespace CET4Trainer.Tests.Web.Pages;

// The teacher home over the real host: courses, due work, reviews waiting and running AI tasks.
public sealed class TeacherHomeTests : TaskHostContext
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ANewTeacher_SeesEveryEmptyStateSayingWhatToDo()
    {
        SignIn(await UserAsync("t1"));

        var cut = Render<TeacherHome>();

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("你还没有课程", cut.Find("[data-testid=courses-empty]").TextContent);
            Assert.Contains("布置作业", cut.Find("[data-testid=due-soon-empty]").TextContent);
            Assert.Contains("没有等你复核", cut.Find("[data-testid=review-waiting-empty]").TextContent);
            Assert.Contains("没有正在运行的 AI 任务", cut.Find("[data-testid=running-tasks-empty]").TextContent);
        });
    }

    [Fact]
    public async Task TeacherSeesOwnActiveCoursesOnly()
    {
        var teacher = await UserAsync("t2");
        var other = await UserAsync("t3");
        await using (var db = Host.Db())
        {
            db.Courses.AddRange(
                new Course { Name = "2025级 英语一班", TeacherId = teacher.UserId, JoinCode = "AAAAAA" },
                new Course { Name = "已归档的旧课", TeacherId = teacher.UserId, ArchivedUtc = DateTime.UtcNow, JoinCode = "BBBBBB" },
                new Course { Name = "别人的课", TeacherId = other.UserId, JoinCode = "CCCCCC" });
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }
        SignIn(teacher);

        var cut = Render<TeacherHome>();

        cut.WaitForAssertion(() =>
        {
            var list = cut.Find("[data-testid=course-list]").TextContent;
            Assert.Contains("2025级 英语一班", list);
            Assert.DoesNotContain("已归档的旧课", list);
            Assert.DoesNotContain("别人的课", list);
        });
    }

    [Fact]
    public async Task ATaskStartedElsewhere_ShowsUp_ItsDoneCountRises_AndItStaysMarkedWhenItEnds()
    {
        var teacher = await UserAsync("t4");
        var other = await UserAsync("t5");
        SignIn(teacher);
        var cut = Render<RunningAiTasks>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=running-tasks-empty]"));

        var foreign = await Host.EnqueueAsync(other, new ScriptedInput(UnitDelayMs: 100), units: 3);
        var id = await Host.EnqueueAsync(teacher, new ScriptedInput(UnitDelayMs: 250), units: 8);

        var first = 0;
        cut.WaitForAssertion(() => Assert.InRange(first = Done(cut, id), 1, 7), Slow);
        cut.WaitForAssertion(() => Assert.True(Done(cut, id) > first), Slow);
        cut.WaitForAssertion(() =>
        {
            Assert.Equal("8", cut.Find($"[data-task='{id}'] [data-testid=running-task-done]").TextContent.Trim());
            Assert.Equal("已完成", cut.Find($"[data-task='{id}'] [data-testid=running-task-status]").TextContent.Trim());
        }, Slow);
        Assert.Single(cut.FindAll("[data-testid=running-task]"));
        Assert.Empty(cut.FindAll($"[data-task='{foreign}']"));
    }

    private static int Done(IRenderedComponent<RunningAiTasks> cut, Guid id) =>
        int.Parse(cut.Find($"[data-task='{id}'] [data-testid=running-task-done]").TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);
}
