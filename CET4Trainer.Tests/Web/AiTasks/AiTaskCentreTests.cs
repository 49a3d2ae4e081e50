using Bunit;
using CET4Trainer.Core.Features.AiTasks;
using CET4Trainer.Tests.Features.AiTasks;
using CET4Trainer.Tests.TestSupport;
using CET4Trainer.Web.Components.Features.AiTasks;
using Microsoft.EntityFrameworkCore;

// Scenario tests against the real host: services called in sequence with their default tokens.
#pragma warning disable xUnit1051

namespace CET4Trainer.Tests.Web.AiTasks;

public sealed class AiTaskCentreTests : TaskHostContext
{
    private static readonly DateTime Start = new(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(30);

    private static string Status(IRenderedComponent<AiTaskCentrePage> cut, Guid id) =>
        cut.Find($"[data-task='{id}'] [data-testid=task-status]").TextContent.Trim();

    [Fact]
    public async Task ANewTask_AppearsAndRunsToTheEnd_WithoutAReload()
    {
        var teacher = await UserAsync("t");
        SignIn(teacher);
        var cut = Render<AiTaskCentrePage>();
        cut.WaitForAssertion(() => Assert.Contains("还没有 AI 任务", cut.Find("[data-testid=tasks-empty]").TextContent));

        var id = await Host.EnqueueAsync(teacher, new ScriptedInput(UnitDelayMs: 150), units: 5);

        cut.WaitForAssertion(() => Assert.Equal("学情分析", cut.Find($"[data-task='{id}'] [data-testid=task-kind]").TextContent.Trim()), Slow);
        cut.WaitForAssertion(() =>
        {
            Assert.Equal("已完成", Status(cut, id));
            Assert.Equal("5/5", cut.Find($"[data-task='{id}'] [data-testid=task-progress]").TextContent.Trim());
            Assert.Equal("scripted", cut.Find($"[data-task='{id}'] [data-testid=task-engine]").TextContent.Trim());
            Assert.Equal("0.005", cut.Find($"[data-task='{id}'] [data-testid=task-cost]").TextContent.Trim());
        }, Slow);
        Assert.Empty(cut.FindAll($"[data-task='{id}'] [data-testid=task-cancel]"));
    }

    [Fact]
    public async Task Filters_NarrowByKindAndStatus_AndTheSearchBoxByTitle()
    {
        var teacher = await UserAsync("t");
        var generation = await TaskRows.AddAsync(Contexts, teacher.UserId, AiTaskKind.GenerateQuestions, AiTaskStatus.Succeeded, "AI 出题：阅读理解", Start, 5, 5, 0.02m);
        var grading = await TaskRows.AddAsync(Contexts, teacher.UserId, AiTaskKind.GradeBatch, AiTaskStatus.Failed, "AI 批改：第三周作文", Start.AddMinutes(1), 2, 9);
        var analysis = await TaskRows.AddAsync(Contexts, teacher.UserId, AiTaskKind.ClassAnalysis, AiTaskStatus.Queued, "学情分析：英语一班", Start.AddMinutes(2));
        SignIn(teacher);

        var byKind = Render<AiTaskList>(p => p.Add(x => x.Filter, new AiTaskFilter(Kind: AiTaskKind.GradeBatch)));
        var byStatus = Render<AiTaskList>(p => p.Add(x => x.Filter, new AiTaskFilter(Status: AiTaskFilter.StatusGroup.Active)));
        var page = Render<AiTaskCentrePage>();

        byKind.WaitForAssertion(() => Assert.Equal([grading.Id.ToString()], byKind.FindAll("[data-testid=task-row]").Select(r => r.GetAttribute("data-task"))));
        Assert.Contains("无法连接 AI 服务", byKind.Find("[data-testid=task-error]").TextContent);
        Assert.Single(byKind.FindAll("[data-testid=task-retry]"));
        byStatus.WaitForAssertion(() => Assert.Equal([analysis.Id.ToString()], byStatus.FindAll("[data-testid=task-row]").Select(r => r.GetAttribute("data-task"))));
        Assert.Single(byStatus.FindAll("[data-testid=task-cancel]"));
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=task-row]").Count));
        Assert.Equal("/teacher/items/ai-generate/" + generation.Id, page.Find($"[data-task='{generation.Id}'] a[data-testid=task-open]").GetAttribute("href"));
        Assert.Equal("/teacher/tasks/" + analysis.Id, page.Find($"[data-task='{analysis.Id}'] a[data-testid=task-open]").GetAttribute("href"));

        page.Find("input[data-testid=filter-search], [data-testid=filter-search] input").Change("阅读");
        page.WaitForAssertion(() => Assert.Equal([generation.Id.ToString()], page.FindAll("[data-testid=task-row]").Select(r => r.GetAttribute("data-task"))));
        page.Find("input[data-testid=filter-search], [data-testid=filter-search] input").Change("听力");
        page.WaitForAssertion(() => Assert.Contains("没有符合条件的任务", page.Find("[data-testid=tasks-empty]").TextContent));
    }

    [Fact]
    public async Task Cancel_CallsThroughAndTheRowShowsCancelled_ThenRetryStartsItAgain()
    {
        var teacher = await UserAsync("t");
        var id = await Host.EnqueueAsync(teacher, new ScriptedInput(UnitDelayMs: 300), units: 40);
        await Host.WaitAsync(id, t => t.Done >= 1, Slow);
        SignIn(teacher);
        var cut = Render<AiTaskCentrePage>();
        cut.WaitForAssertion(() => Assert.Equal("进行中", Status(cut, id)), Slow);

        cut.Find($"[data-task='{id}'] [data-testid=task-cancel]").Click();

        cut.WaitForAssertion(() => Assert.Equal("已取消", Status(cut, id)), Slow);
        var cancelled = await Host.WaitAsync(id, t => t.IsFinal, Slow);
        Assert.Equal(AiTaskStatus.Cancelled, cancelled.Status);
        Assert.InRange(cancelled.Done, 1, 39);

        cut.Find($"[data-task='{id}'] [data-testid=task-retry]").Click();

        cut.WaitForAssertion(() => Assert.Contains(Status(cut, id), new[] { "排队中", "进行中" }), Slow);
        await Host.WaitAsync(id, t => t.Done > cancelled.Done, Slow);
        Assert.Null(await Host.Tasks.CancelAsync(id, teacher));
    }

    [Fact]
    public async Task ATeacherSeesOnlyOwnTasks_EvenWhenAnotherTeachersTaskRunsMeanwhile()
    {
        var teacher = await UserAsync("t");
        var other = await UserAsync("o");
        var own = await TaskRows.AddAsync(Contexts, teacher.UserId, AiTaskKind.GenerateQuestions, AiTaskStatus.Succeeded, "我的出题", Start);
        await TaskRows.AddAsync(Contexts, other.UserId, AiTaskKind.GenerateQuestions, AiTaskStatus.Succeeded, "别人的出题", Start.AddMinutes(1));
        SignIn(teacher);
        var cut = Render<AiTaskCentrePage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=task-row]")));

        var foreign = await Host.EnqueueAsync(other, new ScriptedInput(), units: 2);
        await Host.WaitAsync(foreign, t => t.IsFinal, Slow);
        await Task.Delay(500);

        Assert.Equal([own.Id.ToString()], cut.FindAll("[data-testid=task-row]").Select(r => r.GetAttribute("data-task")));
        Assert.DoesNotContain("别人的出题", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=task-owner]"));
    }

    [Fact]
    public async Task AnAdminSeesEveryonesTasks_WithWhoStartedThem()
    {
        var teacher = await UserAsync("teacher-a");
        var admin = await UserAsync("admin", admin: true);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var theirs = await TaskRows.AddAsync(Contexts, teacher.UserId, AiTaskKind.GenerateQuestions, AiTaskStatus.Succeeded, $"甲老师 {marker}", DateTime.UtcNow);
        SignIn(admin);

        var cut = Render<AiTaskList>(p => p.Add(x => x.Filter, new AiTaskFilter(Search: marker)));

        cut.WaitForAssertion(() => Assert.Contains("发起人 teacher-a-", cut.Find($"[data-task='{theirs.Id}'] [data-testid=task-owner]").TextContent));
    }

    [Fact]
    public async Task TheTaskPage_RefusesAnotherTeachersTask_AndStaysSilentWhileItRuns()
    {
        var owner = await UserAsync("owner");
        var other = await UserAsync("other");
        var id = await Host.EnqueueAsync(owner, new ScriptedInput(UnitDelayMs: 100), units: 5);
        SignIn(other);

        var cut = Render<AiTaskDetailPage>(p => p.Add(x => x.TaskId, id));

        cut.WaitForAssertion(() => Assert.Contains("不是你的任务", cut.Find("[data-testid=task-refused]").TextContent));
        await Host.WaitAsync(id, t => t.IsFinal, Slow);
        await Task.Delay(300);
        Assert.Empty(cut.FindAll("[data-testid=ai-task]"));
        Assert.DoesNotContain("脚本任务", cut.Markup);
    }
}
