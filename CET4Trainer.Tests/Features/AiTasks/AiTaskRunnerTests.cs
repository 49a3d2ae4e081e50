using CET4Trainer.Core.Features.AiTasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Scenario tests against the real host: services called in sequence with their default tokens.
#pragma warning disable xUnit1051

namespace CET4Trainer.Tests.Features.AiTasks;

public sealed class AiTaskRunnerTests
{
    [Fact]
    public async Task TwoHundredTasks_WithThirtyPercentFaults_AllEndFinal_AndNoUnitIsCommittedTwice()
    {
        await using var host = new TaskHost(new() { ["Ai:Tasks:MaxRunning"] = "4", ["Ai:Tasks:MaxAttempts"] = "6", ["Jobs:MaxConcurrency"] = "8" });
        var teacher = await host.UserAsync("teacher@cet4.local");
        var ids = new List<Guid>();
        for (var i = 0; i < 200; i++) ids.Add(await host.EnqueueAsync(teacher, new ScriptedInput(FailureRate: 0.3, Seed: i), units: 3));

        var tasks = await host.WaitAllFinalAsync(ids, TimeSpan.FromMinutes(4));

        var commits = await host.UnitCommitsAsync();
        Assert.All(commits, c => Assert.Equal(1, c.Value));
        Assert.Equal(0, host.Handler.Overlaps);
        foreach (var task in tasks)
        {
            var committed = commits.Count(c => c.Key.Task == task.Id);
            Assert.Equal(task.Done, committed);
            if (task.Status == AiTaskStatus.Succeeded) Assert.Equal(3, task.Done);
            else Assert.Equal(AiTaskStatus.Failed, task.Status);
            Assert.Null(task.LeaseToken);
        }
        // With six attempts a task fails only if one unit fails six times in a row (0.3^6): nearly all succeed.
        Assert.True(tasks.Count(t => t.Status == AiTaskStatus.Succeeded) >= 195);
        Assert.True(tasks.Sum(t => t.Attempts) > 200, "the injected faults should have caused retries");
    }

    [Fact]
    public async Task Cancel_ReachesTheRunningUnit_AndEndsCancelledWithProgressAndCostSoFar()
    {
        await using var host = new TaskHost();
        var teacher = await host.UserAsync("teacher@cet4.local");
        var id = await host.EnqueueAsync(teacher, new ScriptedInput(UnitDelayMs: 400), units: 50);
        await host.WaitAsync(id, t => t.Done >= 2, TimeSpan.FromSeconds(30));

        Assert.Null(await host.Tasks.CancelAsync(id, teacher));
        var task = await host.WaitAsync(id, t => t.IsFinal, TimeSpan.FromSeconds(10));

        Assert.Equal(AiTaskStatus.Cancelled, task.Status);
        Assert.InRange(task.Done, 2, 49);
        Assert.Equal(task.Done * 0.001m, task.Cost);
        Assert.Equal(task.Done * 15, task.InputTokens + task.OutputTokens);
        Assert.Equal(task.Done, (await host.UnitCommitsAsync()).Count(c => c.Key.Task == id));
    }

    [Fact]
    public async Task CancelWhileQueued_EndsAtOnce_AndRetryContinuesFromWhereItStopped()
    {
        await using var host = new TaskHost(new() { ["Ai:Tasks:MaxRunning"] = "1" });
        var teacher = await host.UserAsync("teacher@cet4.local");
        var blocker = await host.EnqueueAsync(teacher, new ScriptedInput(UnitDelayMs: 300), units: 5);
        await host.WaitAsync(blocker, t => t.Status == AiTaskStatus.Running, TimeSpan.FromSeconds(30));
        var queued = await host.EnqueueAsync(teacher, new ScriptedInput(), units: 2);

        Assert.Null(await host.Tasks.CancelAsync(queued, teacher));
        Assert.Equal(AiTaskStatus.Cancelled, (await host.Tasks.GetAsync(queued, teacher))!.Status);
        Assert.Equal("任务已经结束。", await host.Tasks.CancelAsync(queued, teacher));

        Assert.Null(await host.Tasks.RetryAsync(queued, teacher));
        var done = await host.WaitAsync(queued, t => t.IsFinal, TimeSpan.FromSeconds(60));
        Assert.Equal(AiTaskStatus.Succeeded, done.Status);
        Assert.Equal(2, done.Done);
    }

    [Fact]
    public async Task FailingAttempts_AreRetriedWithBackoff_ThenFailWithAReadableReason()
    {
        await using var host = new TaskHost(new() { ["Ai:Tasks:MaxAttempts"] = "3" });
        var teacher = await host.UserAsync("teacher@cet4.local");
        var always = await host.EnqueueAsync(teacher, new ScriptedInput(AlwaysFail: true), units: 2);
        var permanent = await host.EnqueueAsync(teacher, new ScriptedInput(FailPermanently: true), units: 2);

        var failed = await host.WaitAsync(always, t => t.IsFinal, TimeSpan.FromSeconds(60));
        var refused = await host.WaitAsync(permanent, t => t.IsFinal, TimeSpan.FromSeconds(60));

        Assert.Equal(AiTaskStatus.Failed, failed.Status);
        Assert.Equal(3, failed.Attempts);
        Assert.StartsWith("尝试 3 次后仍然失败", failed.Error);
        Assert.DoesNotContain("scripted failure", failed.Error); // internal messages stay in the log
        Assert.Equal(AiTaskStatus.Failed, refused.Status);
        Assert.Equal(1, refused.Attempts);
        Assert.Equal("参考题目已被删除，无法生成。", refused.Error);
    }

    [Fact]
    public async Task Reconciliation_PicksUpTasksWithoutTriggers_AndTasksOfADeadNode_ContinuingAfterDoneUnits()
    {
        await using var host = new TaskHost();
        var teacher = await host.UserAsync("teacher@cet4.local");
        var now = DateTime.UtcNow;
        var lost = NewRow(teacher.UserId, AiTaskStatus.Queued, now);
        var orphan = NewRow(teacher.UserId, AiTaskStatus.Running, now);
        orphan.LeaseToken = Guid.NewGuid();
        orphan.LeaseUntilUtc = now.AddSeconds(-5);
        orphan.Done = 1;
        orphan.Attempts = 1;
        await using (var db = host.Db())
        {
            db.AiTasks.AddRange(lost, orphan);
            // The dead node had committed the first unit of the orphan.
            db.AiCalls.Add(new() { Operation = "unit", Engine = "scripted", PromptVersion = 1, TaskId = orphan.Id, AtUtc = now });
            await db.SaveChangesAsync();
        }

        var tasks = await host.WaitAllFinalAsync([lost.Id, orphan.Id], TimeSpan.FromSeconds(60));

        Assert.All(tasks, t => Assert.Equal(AiTaskStatus.Succeeded, t.Status));
        var commits = await host.UnitCommitsAsync();
        Assert.Equal(3, commits.Count(c => c.Key.Task == orphan.Id));
        Assert.Equal(3, commits.Count(c => c.Key.Task == lost.Id));
        Assert.All(commits, c => Assert.Equal(1, c.Value));
    }

    [Fact]
    public async Task ALiveLeaseOfAnotherAttempt_IsRespectedUntilItExpires()
    {
        await using var host = new TaskHost();
        var teacher = await host.UserAsync("teacher@cet4.local");
        var leaseUntil = DateTime.UtcNow.AddSeconds(3);
        var held = NewRow(teacher.UserId, AiTaskStatus.Running, DateTime.UtcNow);
        held.LeaseToken = Guid.NewGuid();
        held.LeaseUntilUtc = leaseUntil;
        await using (var db = host.Db())
        {
            db.AiTasks.Add(held);
            await db.SaveChangesAsync();
        }
        await host.App.Services.GetRequiredService<AiTaskScheduler>().ScheduleAsync(held.Id, DateTime.UtcNow);

        var task = await host.WaitAsync(held.Id, t => t.IsFinal, TimeSpan.FromSeconds(60));

        Assert.Equal(AiTaskStatus.Succeeded, task.Status);
        Assert.All(host.Handler.Starts.Where(s => s.Task == held.Id), s => Assert.True(s.StartedUtc >= leaseUntil));
    }

    [Fact]
    public async Task AHostStoppingMidTask_HandsItBack_AndTheNextHostFinishesEveryUnitOnce()
    {
        var second = new TaskHost();
        await using (var first = new TaskHost(sharing: second.App))
        {
            var teacher = await first.UserAsync("teacher@cet4.local");
            var id = await first.EnqueueAsync(teacher, new ScriptedInput(UnitDelayMs: 300), units: 8);
            await first.WaitAsync(id, t => t.Done >= 2, TimeSpan.FromSeconds(30));
        }
        await using (second)
        {
            await using var db = second.Db();
            var task = await db.AiTasks.AsNoTracking().SingleAsync();

            var done = await second.WaitAsync(task.Id, t => t.IsFinal, TimeSpan.FromSeconds(60));
            Assert.Equal(AiTaskStatus.Succeeded, done.Status);
            Assert.Equal(8, done.Done);
            // Stopping is not a failure: the attempt was handed back, not counted.
            Assert.Equal(1, done.Attempts);
            Assert.Contains(second.App.Logs.Lines, l => l.Contains($"AI task {task.Id} (ClassAnalysis) claimed for attempt 1, ") && !l.Contains(", 0 units already done"));
            var commits = await second.UnitCommitsAsync();
            Assert.Equal(8, commits.Count);
            Assert.All(commits, c => Assert.Equal(1, c.Value));
        }
    }

    [Fact]
    public async Task OnlyTheOwnerAndAdmins_SeeCancelOrRetryATask()
    {
        await using var host = new TaskHost();
        var teacher = await host.UserAsync("teacher@cet4.local");
        var other = await host.UserAsync("other-teacher@example.edu.cn");
        var admin = await host.UserAsync("admin@cet4.local", admin: true);
        var id = await host.EnqueueAsync(teacher, new ScriptedInput(UnitDelayMs: 200), units: 20);

        Assert.Null(await host.Tasks.GetAsync(id, other));
        Assert.Null(await host.Tasks.ResultJsonAsync(id, other));
        Assert.DoesNotContain(await host.Tasks.ListAsync(other), t => t.Id == id);
        Assert.Equal("任务不存在，或不是你的任务。", await host.Tasks.CancelAsync(id, other));
        Assert.Equal("任务不存在，或不是你的任务。", await host.Tasks.RetryAsync(id, other));
        Assert.NotNull(await host.Tasks.GetAsync(id, admin));
        Assert.Null(await host.Tasks.CancelAsync(id, admin));
        Assert.Equal(AiTaskStatus.Cancelled, (await host.WaitAsync(id, t => t.IsFinal, TimeSpan.FromSeconds(30))).Status);
    }

    [Fact]
    public async Task TheHub_PublishesEveryStepOfATask_InOrder()
    {
        await using var host = new TaskHost();
        var teacher = await host.UserAsync("teacher@cet4.local");
        var seen = new System.Collections.Concurrent.ConcurrentQueue<AiTaskSnapshot>();
        using var subscription = host.App.Services.GetRequiredService<AiTaskHub>().SubscribeOwner(teacher.UserId, seen.Enqueue);

        var id = await host.EnqueueAsync(teacher, new ScriptedInput(UnitDelayMs: 50), units: 4);
        await host.WaitAsync(id, t => t.IsFinal, TimeSpan.FromSeconds(30));
        await Task.Delay(200);

        var mine = seen.Where(s => s.Id == id).ToList();
        Assert.Equal(AiTaskStatus.Queued, mine[0].Status);
        Assert.Equal([0, 1, 2, 3, 4], mine.Select(s => s.Done).Distinct().ToArray());
        Assert.Equal(AiTaskStatus.Succeeded, mine[^1].Status);
        Assert.Equal(mine.Select(s => s.Done).Order().ToArray(), mine.Select(s => s.Done).ToArray());
    }

    private static AiTask NewRow(string ownerId, AiTaskStatus status, DateTime now) => new()
    {
        Id = Guid.NewGuid(), Kind = TaskHost.Kind, OwnerId = ownerId, Title = "孤儿任务", Status = status, Total = 3,
        InputJson = "{}", CreatedUtc = now, UpdatedUtc = now, NextRunUtc = now,
    };
}
