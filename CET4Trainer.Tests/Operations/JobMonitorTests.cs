using CET4Trainer.Core.Data;
using CET4Trainer.Core.Features.AiTasks;
using CET4Trainer.Core.Operations.Backup;
using CET4Trainer.Core.Operations.Jobs;
using CET4Trainer.Core.Operations.Retention;
using CET4Trainer.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CET4Trainer.Tests.Operations;

// The real app host with its scheduler on the persistent SQLite store, plus two probe jobs.
public sealed class JobMonitorTests : IAsyncDisposable
{
    private static readonly JobKey Probe = new("probe", "test-probes");
    private static readonly JobKey Failing = new("failing", "test-probes");
    private readonly ProbeRuns runs = new();
    private readonly Cet4AppFactory app;

    public JobMonitorTests()
    {
        app = new Cet4AppFactory()
            .With("Ai:Tasks:ReconcileSeconds", "3600")
            .WithServices(s =>
            {
                s.AddSingleton(runs);
                s.AddQuartz(q =>
                {
                    // Far in the future: they run only when a test asks.
                    q.ScheduleJob<ProbeJob>(t => t.WithIdentity("probe-daily", "test-probes").StartAt(DateTimeOffset.UtcNow.AddDays(1))
                        .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromDays(1)).RepeatForever()), j => j.WithIdentity(Probe).WithDescription("探针作业"));
                    q.ScheduleJob<FailingJob>(t => t.WithIdentity("failing-daily", "test-probes").StartAt(DateTimeOffset.UtcNow.AddDays(1))
                        .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromDays(1)).RepeatForever()), j => j.WithIdentity(Failing));
                });
            });
    }

    private JobMonitor Monitor => app.Services.GetRequiredService<JobMonitor>();

    [Fact]
    public async Task Overview_ListsEveryJobWithItsTriggers()
    {
        var overview = await Monitor.ReadAsync(TestContext.Current.CancellationToken);

        Assert.Equal(SchedulerStatus.Running, overview.Scheduler);
        var probe = overview.Jobs.Single(j => j.Name == Probe.Name && j.Group == Probe.Group);
        Assert.Equal("探针作业", probe.Description);
        var trigger = Assert.Single(probe.Triggers);
        Assert.Equal(TriggerState.Normal, trigger.State);
        Assert.InRange(trigger.NextUtc!.Value, DateTime.UtcNow.AddHours(23), DateTime.UtcNow.AddDays(1));
        Assert.False(trigger.Late);
        Assert.Contains(overview.Jobs, j => j.Name == RetentionJob.Key.Name && j.Triggers.Count == 1 && j.Triggers[0].Misfire == "错过后补跑一次");
        Assert.Contains(overview.Jobs, j => j.Name == BackupJob.Key.Name && j.CanTriggerNow);
        Assert.False(overview.Jobs.Single(j => j.Name == AiTaskJob.Key.Name).CanTriggerNow);
    }

    [Fact]
    public async Task Pause_MakesTheTriggerPaused_AndResumeRestoresIt()
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);
        var key = new TriggerKey("probe-daily", "test-probes");

        Assert.Null(await Monitor.PauseAsync(key.Group, key.Name, TestContext.Current.CancellationToken));
        Assert.Equal(TriggerState.Paused, await scheduler.GetTriggerState(key, TestContext.Current.CancellationToken));
        Assert.Equal(TriggerState.Paused, (await Monitor.ReadAsync(TestContext.Current.CancellationToken)).Jobs.Single(j => j.Name == "probe").Triggers[0].State);

        Assert.Null(await Monitor.ResumeAsync(key.Group, key.Name, TestContext.Current.CancellationToken));
        Assert.Equal(TriggerState.Normal, await scheduler.GetTriggerState(key, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TriggerNow_RunsTheJob_AndItsRunIsRecorded()
    {
        Assert.Null(await Monitor.TriggerNowAsync(Probe.Group, Probe.Name, TestContext.Current.CancellationToken));

        var facts = await WaitForRunAsync(app.Services, Probe, f => f.LastRunUtc is not null);
        Assert.Equal(1, runs.Count);
        Assert.Equal(0, facts.FailuresLast24h);
        Assert.Null(facts.LastError);
    }

    [Fact]
    public async Task FailingJob_ShowsItsFailure_WithTheReasonAndACount()
    {
        Assert.Null(await Monitor.TriggerNowAsync(Failing.Group, Failing.Name, TestContext.Current.CancellationToken));
        await WaitForRunAsync(app.Services, Failing, f => f.FailuresLast24h == 1);
        Assert.Null(await Monitor.TriggerNowAsync(Failing.Group, Failing.Name, TestContext.Current.CancellationToken));
        await WaitForRunAsync(app.Services, Failing, f => f.FailuresLast24h == 2);

        var job = (await Monitor.ReadAsync(TestContext.Current.CancellationToken)).Jobs.Single(j => j.Name == Failing.Name);
        Assert.Equal(2, job.Runs.FailuresLast24h);
        Assert.Equal("InvalidOperationException: 探针故意失败", job.Runs.LastError);
        Assert.Equal(2, app.Services.GetRequiredService<JobRunLog>().FailuresLast24h());
    }

    [Fact]
    public async Task ActionsOnWhatDoesNotExist_AreRefusedWithAReason()
    {
        Assert.Contains("找不到这个触发器", await Monitor.PauseAsync("test-probes", "no-such-trigger", TestContext.Current.CancellationToken));
        Assert.Contains("找不到这个触发器", await Monitor.ResumeAsync("test-probes", "no-such-trigger", TestContext.Current.CancellationToken));
        Assert.Contains("找不到这个作业", await Monitor.TriggerNowAsync("test-probes", "no-such-job", TestContext.Current.CancellationToken));
        Assert.Contains("不能单独运行", await Monitor.TriggerNowAsync(AiTaskJob.Key.Group, AiTaskJob.Key.Name, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AiTaskQueue_IsCountedByState()
    {
        using (var scope = app.Services.CreateScope())
        {
            var admin = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("admin@cet4.local");
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
            var statuses = new[] { AiTaskStatus.Succeeded, AiTaskStatus.Succeeded, AiTaskStatus.Succeeded, AiTaskStatus.Failed, AiTaskStatus.Cancelled, AiTaskStatus.Cancelled };
            foreach (var status in statuses)
            {
                db.AiTasks.Add(new AiTask { Id = Guid.NewGuid(), OwnerId = admin!.Id, Title = "计数", Status = status, CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow });
            }
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var queue = (await Monitor.ReadAsync(TestContext.Current.CancellationToken)).Queue.ToDictionary(q => q.Status, q => q.Count);

        Assert.Equal(3, queue[AiTaskStatus.Succeeded]);
        Assert.Equal(1, queue[AiTaskStatus.Failed]);
        Assert.Equal(2, queue[AiTaskStatus.Cancelled]);
        Assert.Equal(0, queue[AiTaskStatus.Queued]);
        Assert.Equal(0, queue[AiTaskStatus.Running]);
    }

    internal static async Task<JobRunFacts> WaitForRunAsync(IServiceProvider services, JobKey key, Func<JobRunFacts, bool> done)
    {
        var log = services.GetRequiredService<JobRunLog>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var facts = log.Facts(key);
            if (done(facts)) return facts;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{key} did not run as expected; last run {facts.LastRunUtc}, failures {facts.FailuresLast24h}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    public sealed class ProbeRuns
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Add() => Interlocked.Increment(ref count);
    }

    public sealed class ProbeJob(ProbeRuns runs) : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            runs.Add();
            return ValueTask.CompletedTask;
        }
    }

    public sealed class FailingJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("探针故意失败");
    }
}
